import { formatHlc } from '../src/sync/hlc';
import type { Op } from '../src/sync/protocol';

/**
 * The benchmark team's records (research/sync.md §7), deterministic from a seed: per 100 records
 * 15 people, 30 identities, 35 notes (one in ten private, ~500-byte bodies), 10 preferences and
 * 10 tasks. Ops come out complete and in clientSeq order, ready to push in batches.
 */

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['grain', 'order', 'call', 'trip', 'renewal', 'budget', 'pilot', 'demo', 'contract', 'invoice', 'meeting', 'follow-up'];

export interface BenchClient {
  userId: string;
  clientId: string;
}

export function* benchOps(count: number, who: BenchClient, seed = 42): Generator<Op> {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const text = (bytes: number) => {
    const parts: string[] = [];
    for (let n = 0; n < bytes; n += 8) parts.push(pick(WORDS));
    return parts.join(' ').slice(0, bytes);
  };
  const base = { ownerId: who.userId, deleted: false };
  let wall = Date.now() - 3_600_000;
  for (let i = 0; i < count; i++) {
    const slot = i % 100;
    const block = Math.floor(i / 100);
    const person = `p-${block}-${slot % 15}`;
    const hlc = formatHlc({ wall: ++wall, counter: 0, node: who.clientId });
    const clientSeq = i + 1;
    let op: Op;
    if (slot < 15) {
      op = {
        clientSeq,
        hlc,
        entity: 'people',
        id: person,
        set: { ...base, scope: 'team', name: `${pick(WORDS)} ${i}`, company: pick(WORDS) },
      };
    } else if (slot < 45) {
      const value = `person${block}-${slot}@example.com`;
      op = {
        clientSeq,
        hlc,
        entity: 'identities',
        id: `email:${value}`,
        set: { ...base, scope: 'team', personId: person, kind: 'email', value, display: value },
      };
    } else if (slot < 80) {
      const scope = slot % 10 === 0 ? `user:${who.userId}` : 'team';
      op = {
        clientSeq,
        hlc,
        entity: 'notes',
        id: `n-${i}`,
        set: { ...base, scope, personId: person, kind: 'note', body: text(500), occurredAt: wall },
      };
    } else if (slot < 90) {
      op = {
        clientSeq,
        hlc,
        entity: 'preferences',
        id: `${person}|pref-${slot}`,
        set: { ...base, scope: 'team', personId: person, key: pick(WORDS), value: text(40), pinned: rand() < 0.2 },
      };
    } else {
      op = {
        clientSeq,
        hlc,
        entity: 'tasks',
        id: `t-${i}`,
        set: { ...base, scope: 'team', personId: person, title: text(60), due: wall + 86_400_000, done: false },
      };
    }
    yield op;
  }
}
