// @vitest-environment happy-dom
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_SKELETON, skeletonOf } from './skeleton';

const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Attribute names a page might use; values are what the properties make up. */
const ATTRIBUTES = ['class', 'id', 'title', 'name', 'email', 'href', 'src', 'alt', 'aria-label', 'data-hovercard-id', 'data-testid', 'role', 'aria-hidden', 'dir', 'type', 'value', 'style'];
const TAGS = ['div', 'span', 'a', 'h1', 'h2', 'img', 'p', 'li', 'ul', 'section', 'table', 'td', 'button', 'input'];

/** A secret: a marker no skeleton line can contain (skeletons are ASCII names), with random text in it. */
const secret = fc.string({ minLength: 0, maxLength: 30, unit: 'grapheme' }).map((s) => `Ω${s}Ω`);

interface Node {
  tag: string;
  attrs: [string, string][];
  text: string;
  children: readonly Node[];
}
const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    attrs: fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), secret), { maxLength: 4 }),
    text: secret,
    children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant<Node[]>([]), fc.array(tie('node'), { maxLength: 3 })),
  }),
})).node;

function build(d: Document, node: Node): Element {
  const el = d.createElement(node.tag);
  for (const [name, value] of node.attrs) el.setAttribute(name, value);
  el.append(node.text, ...node.children.map((c) => build(d, c)));
  return el;
}

function secretsOf(node: Node): string[] {
  return [node.text, ...node.attrs.map(([, v]) => v), ...node.children.flatMap(secretsOf)];
}

describe('page skeleton', () => {
  it('shows tags, attribute names and closed-vocabulary values, and nothing a person wrote', () => {
    const d = doc(`<body><div role="main" class="nH ana-lima" data-x="ana@example.com">
      <h2 class="hP">Quarterly review with Ana Lima</h2>
      <span class="gD" email="ana.lima@example.com" name="Ana Lima" aria-hidden="false">Ana Lima</span>
      <span role="Ana Lima" dir="ltr" aria-label="Invite Ana Lima to connect"></span>
      <script>var secret = "ana.lima@example.com"</script>
    </div></body>`);
    expect(skeletonOf(d)).toBe(
      ['body', '  div[class,data-x] role=main', '    h2[class]', '    span[class,email,name] aria-hidden=false', '    span[aria-label] dir=ltr role=?'].join('\n'),
    );
  });

  it('collapses runs of identical siblings', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr role="row"><td email="p${i}@example.com">Person ${i}</td></tr>`).join('');
    expect(skeletonOf(doc(`<table><tbody>${rows}</tbody></table>`))).toBe(
      ['body', '  table', '    tbody', '      tr role=row ×40', '        td[email]'].join('\n'),
    );
  });

  it('writes odd tag and attribute names as ? (a name can be made of anything)', () => {
    const d = doc('<body><div></div></body>');
    d.body.firstElementChild!.setAttribute('data-ana.lima@example.com', '');
    expect(skeletonOf(d)).toBe('body\n  div[?]');
  });

  it('never contains any text or attribute value a page supplies (property)', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const d = doc('<body></body>');
        d.body.append(build(d, root));
        const out = skeletonOf(d);
        expect(out).not.toContain('Ω');
        for (const s of secretsOf(root)) if (s.length > 2) expect(out).not.toContain(s);
        // Every line is made of names, `=`, vocabulary words and the run marker only.
        for (const line of out.split('\n')) expect(line).toMatch(/^ *(?:…|[a-z?][a-z0-9_:?-]*(?:\[[a-z0-9_:?,-]+\])?(?: [a-z-]+=(?:[a-z0-9-]+|""|\?))*(?: ×\d+)?)$/);
      }),
    );
  });

  it('stays within its size bound on huge and absurdly deep pages', () => {
    const wide = doc(`<body>${Array.from({ length: 6_000 }, (_, i) => `<div data-n${i}><span id="x${i}"></span></div>`).join('')}</body>`);
    const out = skeletonOf(wide);
    expect(out.length).toBeLessThanOrEqual(MAX_SKELETON);
    expect(out.endsWith('…')).toBe(true);

    const deep = doc('<body></body>');
    let at: Element = deep.body;
    for (let i = 0; i < 10_000; i += 1) at = at.appendChild(deep.createElement('div'));
    const cut = skeletonOf(deep);
    expect(cut.length).toBeLessThanOrEqual(MAX_SKELETON);
    expect(cut.split('\n').at(-1)?.trim()).toBe('…');
  });

  it('leaks none of the names and addresses of a real fixture', () => {
    const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'gmail/fixtures/2026-11-23-thread-cc.html'), 'utf8');
    const out = skeletonOf(doc(html));
    expect(out).toContain('email,name]');
    for (const word of ['Bruno', 'Costa', 'Ana', 'Lima', '@', 'example']) expect(out).not.toContain(word);
  });
});
