import type { CDPSession } from 'playwright-core';

/** A V8 heap snapshot as the DevTools protocol writes it: flat number arrays that `meta` describes. */
interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface HeapNode {
  /** V8's id for the object: the same in every snapshot of one heap, which is what lets two be compared. */
  id: number;
  type: string;
  /** A constructor's name for objects, the HTML of an element's start tag, the text for strings. */
  name: string;
  selfSize: number;
}

export interface Snapshot {
  nodes: HeapNode[];
  ids: Set<number>;
  /** For each node, the nodes that hold it and by which edge (weak edges left out: they hold nothing). */
  retainers: { from: number; edge: string }[][];
}

/**
 * Takes a heap snapshot of the isolate the session's target runs in. V8 collects garbage fully
 * before it writes one, so what it holds is what is reachable.
 */
export async function takeSnapshot(cdp: CDPSession): Promise<Snapshot> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return parseSnapshot(JSON.parse(chunks.join('')) as RawSnapshot);
}

function parseSnapshot(raw: RawSnapshot): Snapshot {
  const { node_fields, node_types, edge_fields, edge_types } = raw.snapshot.meta;
  const field = (fields: string[], name: string) => {
    const i = fields.indexOf(name);
    if (i < 0) throw new Error(`This heap snapshot format has no "${name}" field: ${fields.join(', ')}`);
    return i;
  };
  const [nType, nName, nId, nSize, nEdges] = [
    field(node_fields, 'type'),
    field(node_fields, 'name'),
    field(node_fields, 'id'),
    field(node_fields, 'self_size'),
    field(node_fields, 'edge_count'),
  ];
  const [eType, eName, eTo] = [field(edge_fields, 'type'), field(edge_fields, 'name_or_index'), field(edge_fields, 'to_node')];
  const [nf, ef] = [node_fields.length, edge_fields.length];
  const node = (i: number, f: number) => raw.nodes[i * nf + f]!;
  const edge = (e: number, f: number) => raw.edges[e * ef + f]!;
  const nodes: HeapNode[] = [];
  for (let i = 0; i < raw.nodes.length / nf; i++) {
    nodes.push({ id: node(i, nId), type: node_types[0][node(i, nType)]!, name: raw.strings[node(i, nName)]!, selfSize: node(i, nSize) });
  }
  const retainers: Snapshot['retainers'] = nodes.map(() => []);
  for (let n = 0, e = 0; n < nodes.length; n++) {
    for (let k = node(n, nEdges); k > 0; k--, e++) {
      const type = edge_types[0][edge(e, eType)];
      if (type === 'weak' || type === 'shortcut') continue;
      const nameOrIndex = edge(e, eName);
      const name = type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : raw.strings[nameOrIndex]!;
      retainers[edge(e, eTo) / nf]!.push({ from: n, edge: name });
    }
  }
  return { nodes, ids: new Set(nodes.map((n) => n.id)), retainers };
}

/** What V8 keeps about compiled code that the snapshot types as `native`: code dependency lists, deoptimization data. */
const CODE_BOOKKEEPING = new Set(['system / WeakArrayList', 'system / ProtectedFixedArray', 'system / SharedFunctionInfoWrapper']);

/**
 * V8's code: bytecode, the machine code of the functions it optimized, their feedback and
 * bookkeeping. It grows as more functions get hot enough to be optimized and levels off when all
 * have (after some 650 navigations here), so it is warm-up, not something the app holds on to.
 */
export function isCompiledCode({ type, name }: HeapNode): boolean {
  return type === 'code' || (type === 'native' && CODE_BOOKKEEPING.has(name));
}

/**
 * The three-snapshot comparison: the objects `during` has that `before` had not (made in
 * between), and that `after` still has. What the app made and then let go of is gone by `after`;
 * what is left is held on to. Compiled code is left out (see isCompiledCode).
 */
export function survivors(before: Snapshot, during: Snapshot, after: Snapshot): number[] {
  const kept: number[] = [];
  during.nodes.forEach((n, i) => {
    if (!before.ids.has(n.id) && after.ids.has(n.id) && !isCompiledCode(n)) kept.push(i);
  });
  return kept;
}

interface Group {
  kind: string;
  count: number;
  bytes: number;
  /** One of them, for retainerPath. */
  sample: number;
}

/** Nodes grouped by type and constructor (strings by type alone), largest total first. */
export function groups(s: Snapshot, nodes: number[]): Group[] {
  const by = new Map<string, Group>();
  for (const i of nodes) {
    const { type, name, selfSize } = s.nodes[i]!;
    const kind = type.endsWith('string') ? type : `${name.replace(/\s+/g, ' ').slice(0, 60)} (${type})`;
    const g = by.get(kind) ?? { kind, count: 0, bytes: 0, sample: i };
    g.count++;
    g.bytes += selfSize;
    by.set(kind, g);
  }
  return [...by.values()].sort((a, b) => b.bytes - a.bytes);
}

/** A shortest chain of holders from a root (the window, a GC root) down to node `i`: where a leak hangs. */
export function retainerPath(s: Snapshot, i: number, depth = 16): string {
  const isRoot = ({ type, name }: HeapNode) => type === 'synthetic' || name.startsWith('Window');
  const next = new Map<number, { to: number; edge: string } | null>([[i, null]]);
  let frontier = [i];
  let top = i;
  search: for (let d = 0; d < depth && frontier.length > 0; d++) {
    const further: number[] = [];
    for (const at of frontier) {
      for (const { from, edge } of s.retainers[at]!) {
        if (next.has(from)) continue;
        next.set(from, { to: at, edge });
        top = from;
        if (isRoot(s.nodes[from]!)) break search;
        further.push(from);
      }
    }
    frontier = further;
  }
  const steps: string[] = [];
  for (let at: number | undefined = top; at !== undefined; at = next.get(at)?.to) {
    const { type, name } = s.nodes[at]!;
    const link = next.get(at);
    steps.push(`${name.replace(/\s+/g, ' ').slice(0, 50)} (${type})${link ? ` -${link.edge}->` : ''}`);
  }
  return steps.join(' ');
}
