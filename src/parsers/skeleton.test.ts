// @vitest-environment happy-dom
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_SKELETON } from './schema';
import { skeletonOf } from './skeleton';
import { isVocabularyWord } from './vocabulary';

const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Attribute names a page might use; values are what the properties make up. */
const ATTRIBUTES = [
  'class',
  'id',
  'title',
  'name',
  'email',
  'href',
  'src',
  'alt',
  'aria-label',
  'data-hovercard-id',
  'data-testid',
  'role',
  'aria-hidden',
  'dir',
  'type',
  'value',
  'style',
];
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

describe('page skeleton (censored copy)', { timeout: 30_000 }, () => {
  it('keeps tags, attributes and the words parsers look for, and masks what a person wrote', () => {
    const d = doc(`<body><div role="main" class="gD a1b2c3d4e5" data-x="ana@example.com">
      <h2 class="hP">Quarterly review with Ana Lima</h2>
      <span class="gD" email="ana.lima@example.com" name="Ana Lima" aria-hidden="false">Ana Lima</span>
      <span role="Ana Lima" dir="ltr" aria-label="Invite Ana Lima to connect"></span>
      <script>var secret = "ana.lima@example.com"</script>
    </div></body>`);
    const out = skeletonOf(d);
    expect(out).toContain('<div role="main" class="gD" data-x="xxx@xxxxxxx.com">');
    expect(out).toContain('<span class="gD" email="xxx.xxxx@xxxxxxx.com" name="Xxx Xxxx" aria-hidden="false">Xxx Xxxx</span>');
    expect(out).toContain('aria-label="Invite Xxx Xxxx to connect"');
    expect(out).toContain('<h2 class="hP">Xxxxxxxxx xxxxxx with Xxx Xxxx</h2>');
    for (const word of ['Ana', 'Lima', 'example', 'secret', 'a1b2c3d4e5']) expect(out).not.toContain(word);
  });

  it('cuts long values and writes odd tag and attribute names as x-', () => {
    const d = doc(`<body><img src="data:image/png;base64,${'A'.repeat(5000)}"></body>`);
    d.body.firstElementChild!.setAttribute('data-ana.lima@example.com', '');
    const out = skeletonOf(d);
    expect(out.length).toBeLessThan(500);
    expect(out).toContain(' x-=""');
    expect(out).not.toContain('ana');
  });

  it('never contains any text or attribute value a page supplies (property)', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const d = doc('<body></body>');
        d.body.append(build(d, root));
        const out = skeletonOf(d);
        expect(out).not.toContain('Ω');
        for (const s of secretsOf(root)) if (s.length > 2) expect(out).not.toContain(s);
      }),
    );
  });

  it('never keeps a word the parsers do not look for (property)', () => {
    const word = fc
      .stringMatching(/^[A-Za-z]{3,12}$/)
      .filter((w) => !/^[xX]+$/.test(w) && !w.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g)!.some(isVocabularyWord));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom(...ATTRIBUTES), (words, attribute) => {
        const d = doc('<body></body>');
        const el = d.createElement('span');
        el.setAttribute(attribute, words.join(' '));
        el.textContent = words.join(', ');
        d.body.append(el);
        // Only what the page wrote counts: attribute and tag names are the page's structure, which the skeleton keeps.
        const kept = doc(skeletonOf(d)).body;
        const written = [kept.textContent ?? '', ...[...kept.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value))];
        const tokens = new Set(written.join(' ').match(/[A-Za-z]+/g));
        for (const w of words) expect(tokens.has(w), w).toBe(false);
      }),
    );
  });

  it('stays within its size bound on huge and absurdly deep pages', () => {
    const wide = doc(`<body>${Array.from({ length: 40_000 }, (_, i) => `<div data-n${i}><span id="x${i}"></span></div>`).join('')}</body>`);
    const out = skeletonOf(wide);
    expect(out.length).toBeLessThanOrEqual(MAX_SKELETON);
    expect(out.endsWith('<!-- … --></body>')).toBe(true);

    const deep = doc('<body></body>');
    let at: Element = deep.body;
    for (let i = 0; i < 10_000; i += 1) at = at.appendChild(deep.createElement('div'));
    const cut = skeletonOf(deep);
    expect(cut.length).toBeLessThanOrEqual(MAX_SKELETON);
    expect(cut).toContain('<!-- … -->');
  });

  it('leaks none of the names and addresses of a real fixture, and keeps its structure', () => {
    const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'gmail/fixtures/2026-11-23-thread-cc.html'), 'utf8');
    const out = skeletonOf(doc(html));
    expect(out).toMatch(/<span email="[x.]+@[x.]+\.(?:com|org)" name="[Xx ]+" [^>]*class="gD">/);
    for (const word of ['Bruno', 'Costa', 'Ana', 'Lima', 'example']) expect(out).not.toContain(word);
    const tags = (h: string) =>
      Array.from(doc(h).body.querySelectorAll('*'), (e) => e.localName).filter(
        (t) => !['script', 'style', 'noscript', 'template', 'link', 'meta'].includes(t),
      );
    expect(tags(out)).toEqual(tags(html));
  });
});
