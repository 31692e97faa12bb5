// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalAddress } from './address';
import { parsePage } from './index';
import { MAX_NAME, MAX_PEOPLE } from './caps';
import { PageContextSchema, type PageContext } from './schema';

/**
 * Random Gmail/Outlook-ish documents (security.md requirement 12): whatever the page holds,
 * `parsePage` returns a schema-valid context or null, never throws, and keeps its bounds.
 */

interface ElementSpec {
  tag: string;
  classes: string[];
  attrs: [string, string][];
  children: NodeSpec[];
}
type NodeSpec = string | ElementSpec;

const el = (tag: string, classes: string[], attrs: [string, string][], children: NodeSpec[] = []): ElementSpec => ({
  tag,
  classes,
  attrs,
  children,
});

// Vocabulary the parsers look for, so random trees hit their code paths.
const TAGS = ['div', 'span', 'h2', 'h3', 'img', 'input', 'a', 'form', 'td', 'textarea', 'button', 'noscript'];
const CLASSES = ['nH', 'adn', 'ads', 'iw', 'gD', 'g2', 'hb', 'hP', 'ha', 'M9', 'vR', 'vN', 'vT', 'ajn', 'afV', 'qu'];
const ATTRS = [
  ...['email', 'name', 'data-hovercard-id', 'data-name', 'jid', 'src', 'href', 'title', 'aria-label', 'role', 'style'],
  ...['hidden', 'aria-hidden', 'data-legacy-thread-id', 'data-thread-perm-id', 'data-convid', 'aria-selected', 'id'],
  ...['type', 'value', 'data-testid', 'data-app-section', 'contenteditable', 'aria-level', 'aria-multiline', 'alt'],
];
const KNOWN_VALUES = [
  ...['option', 'main', 'heading', 'dialog', 'document', 'textbox', 'to', 'cc', 'bcc', 'subjectbox', 'true', '2'],
  ...['ReadingPaneContainerId', 'primaryMailboxRoot_1', 'UniqueMessageBody_1', 'MailList', 'editorParent_1'],
  ...['RecipientWell', 'ConversationContainer', 'display:none', 'visibility: hidden', 'javascript:alert(1)'],
  'https://lh3.googleusercontent.com/a/x',
];

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 150, maxLength: 400 }),
  fc.constantFrom('\u202Egpj.exe', 'Ana\u200BLima', '<img src=x onerror=alert(1)>', '👩🏽‍💻', 'cc: ', 'To: ', 'me', ''),
);
const anAddress = fc.oneof(fc.emailAddress(), fc.constantFrom('nadia.rep@example.com', 'NADIA.REP@example.com', 'ana@@x', 'a@b'));
const attrValue = fc.oneof(
  anyText,
  anAddress,
  fc.tuple(anyText, anAddress).map(([name, email]) => `${name} <${email}>`),
  anAddress.map((email) => `mailto:${email}`),
  fc.constantFrom(...KNOWN_VALUES),
);
const person = fc.tuple(anyText, fc.oneof(anAddress, anyText));
const hiding = fc.constantFrom<[string, string][]>([], [], [], [['style', 'display: none']], [['hidden', '']], [['aria-hidden', 'true']]);
const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 20 });

/** Real page shapes with random content and random hiding, so the documents do contain people. */
const shaped = fc.oneof(
  fc
    .tuple(hiding, person, fc.array(fc.tuple(fc.constantFrom('to ', ', ', ', cc: ', ' bcc: '), person), { maxLength: 4 }))
    .map(([hide, [name, email], recipients]) =>
      el('div', ['adn'], hide, [
        el(
          'h3',
          ['iw'],
          [],
          [
            el(
              'span',
              ['gD'],
              [
                ['email', email],
                ['name', name],
              ],
              [name],
            ),
          ],
        ),
        el(
          'span',
          ['hb'],
          [],
          recipients.flatMap(([sep, [n, e]]) => [
            sep,
            el(
              'span',
              ['g2'],
              [
                ['email', e],
                ['name', n],
              ],
              [n],
            ),
          ]),
        ),
      ]),
    ),
  fc.tuple(hiding, anyText, hex).map(([hide, subject, id]) => el('h2', ['hP'], [...hide, ['data-legacy-thread-id', id]], [subject])),
  fc.tuple(hiding, fc.constantFrom('to', 'cc', 'bcc'), fc.array(person, { maxLength: 8 })).map(([hide, field, chips]) =>
    el('div', ['M9'], hide, [
      el(
        'div',
        [],
        [['name', field]],
        chips.map(([n, e]) =>
          el(
            'div',
            [],
            [
              ['role', 'option'],
              ['data-hovercard-id', e],
              ['data-name', n],
            ],
          ),
        ),
      ),
    ]),
  ),
  fc
    .tuple(person, fc.array(person, { maxLength: 4 }), fc.constantFrom('To: ', 'Cc: '))
    .map(([[name, email], recipients, label]) =>
      el(
        'div',
        [],
        [['id', 'ReadingPaneContainerId']],
        [
          el('div', [], [['aria-label', `From: ${name} <${email}>`]], [name]),
          el('div', [], [['data-testid', 'RecipientWell']], [label, ...recipients.map(([n, e]) => el('span', [], [['title', e]], [n]))]),
          el('div', [], [['id', 'UniqueMessageBody_1']], [el('a', [], [['href', `mailto:${email}`]], [name])]),
        ],
      ),
    ),
);

const { node } = fc.letrec<{ node: NodeSpec; element: ElementSpec }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, anyText, tie('element'), shaped),
  element: fc.record({
    tag: fc.constantFrom(...TAGS),
    classes: fc.subarray(CLASSES, { maxLength: 3 }),
    attrs: fc.array(fc.tuple(fc.constantFrom(...ATTRS), attrValue), { maxLength: 6 }),
    children: fc.array(tie('node'), { maxLength: 5 }),
  }),
}));

const gmailUrl = fc
  .tuple(fc.constantFrom('inbox', 'inbox/FMfcgzQX', 'settings/general', 'label/Clients', '', 'search/x?compose=new'), fc.string())
  .map(([route, junk]) => `https://mail.google.com/mail/u/0/#${route}${encodeURIComponent(junk)}`);
const outlookUrl = fc
  .tuple(
    fc.constantFrom('outlook.office.com', 'outlook.live.com', 'outlook.cloud.microsoft'),
    fc.constantFrom('/mail/inbox/id/AAQk', '/mail/0/', '/mail/options/x', '/calendar'),
  )
  .map(([host, path]) => `https://${host}${path}`);
const title = fc.oneof(
  anyText,
  fc.tuple(anyText, anAddress).map(([s, email]) => `${s} - ${email} - Gmail`),
);

function build(doc: Document, spec: NodeSpec): Node {
  if (typeof spec === 'string') return doc.createTextNode(spec);
  const element = doc.createElement(spec.tag);
  if (spec.classes.length > 0) element.className = spec.classes.join(' ');
  for (const [name, value] of spec.attrs) element.setAttribute(name, value);
  for (const child of spec.children) element.appendChild(build(doc, child));
  return element;
}

function documentOf(pageTitle: string, nodes: NodeSpec[]): Document {
  const doc = document.implementation.createHTMLDocument(pageTitle);
  for (const spec of nodes) doc.body.appendChild(build(doc, spec));
  return doc;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemeCount = (s: string) => Array.from(graphemes.segment(s)).length;

function expectBounded(out: PageContext | null): void {
  if (out === null) return;
  expect(PageContextSchema.safeParse(out).success).toBe(true);
  expect(out.people.length).toBeLessThanOrEqual(MAX_PEOPLE);
  const keys = out.people.map((p) => canonicalAddress(p.email));
  expect(new Set(keys).size).toBe(keys.length);
  if (out.self?.email) expect(keys).not.toContain(canonicalAddress(out.self.email));
  for (const { name = '' } of out.people) {
    expect(graphemeCount(name)).toBeLessThanOrEqual(MAX_NAME);
    expect(name).not.toMatch(/[\u200B\u202A-\u202E\u2066-\u2069\uFEFF]|^\s|\s$/);
  }
}

describe('parsePage on random documents', () => {
  // A generous timeout: 400 documents take about 2 s in happy-dom, more on a busy CI machine.
  it('never throws, returns schema-valid, bounded, deterministic output', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(title, fc.array(node, { maxLength: 6 }), fc.oneof(gmailUrl, outlookUrl), (pageTitle, nodes, url) => {
        const doc = documentOf(pageTitle, nodes);
        const out = parsePage(doc, new URL(url));
        expectBounded(out);
        expect(parsePage(doc, new URL(url))).toEqual(out);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps at most MAX_PEOPLE people, even with hundreds of chips (some duplicated)', () => {
    const chips = Array.from(
      { length: 300 },
      (_, i) => `<div role="option" data-hovercard-id="p${i % 120}@example.com" data-name="P ${i}"></div>`,
    );
    const html = `<div class="M9"><div name="to">${chips.join('')}</div></div>`;
    const out = parsePage(new DOMParser().parseFromString(html, 'text/html'), new URL('https://mail.google.com/mail/u/0/#inbox'));
    expect(out?.view).toBe('compose');
    expect(out?.people).toHaveLength(MAX_PEOPLE);
    expectBounded(out);
  });

  it('answers null, not an exception, when the document itself throws', () => {
    const hostile = new Proxy(document.implementation.createHTMLDocument('x'), {
      get(target, key) {
        if (key === 'querySelectorAll' || key === 'title') throw new Error('page getter trap');
        return Reflect.get(target, key);
      },
    });
    expect(parsePage(hostile, new URL('https://mail.google.com/mail/u/0/#inbox'))).toBeNull();
    expect(parsePage(hostile, new URL('https://outlook.office.com/mail/inbox'))).toBeNull();
  });

  it('copes with deep nesting', () => {
    const doc = document.implementation.createHTMLDocument('Deep - nadia.rep@example.com - Gmail');
    let parent: Element = doc.body;
    for (let i = 0; i < 1500; i += 1) parent = parent.appendChild(doc.createElement('div'));
    parent.innerHTML = '<div class="adn"><h3 class="iw"><span email="ana.lima@example.com" name="Ana Lima"></span></h3></div>';
    const out = parsePage(doc, new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQX'));
    expectBounded(out);
    expect(out?.people).toEqual([{ email: 'ana.lima@example.com', name: 'Ana Lima', role: 'from' }]);
  });
});
