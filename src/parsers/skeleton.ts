/**
 * A page's tag/attribute skeleton, for a bug report when a parser reads nobody (parsers.md §8.5:
 * InboxSDK's censored DOM tree). It shows how the page is built, never what it says:
 * - no text at all, and no attribute values, except a few attributes whose values come from a
 *   closed vocabulary the platform defines (ARIA roles and states, `hidden`, `dir`, input types).
 *   A value outside that vocabulary is written as `role=?`. Class names, ids, `data-*`, `aria-label`,
 *   `href`, `title` and `name` can all carry names or addresses, so only their presence shows.
 * - tag and attribute names only if they look like names (letters, digits, `-`, `_`, `:`), else `?`.
 * - bounded: depth, element count and output length; identical sibling runs collapse to `×n`.
 * One line per element, indented by depth: `span[class,email,name] role=listitem`.
 */

export const MAX_DEPTH = 60;
export const MAX_ELEMENTS = 4000;
export const MAX_SKELETON = 100_000;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta']);
const NAME = /^[a-z][a-z0-9_:-]{0,39}$/;

/** Values a page cannot choose freely: each attribute's allowed values, in lower case. */
const ROLES =
  'alert alertdialog application article banner button cell checkbox columnheader combobox complementary contentinfo dialog document feed figure form grid gridcell group heading img link list listbox listitem log main menu menubar menuitem menuitemcheckbox menuitemradio navigation none note option presentation progressbar radio radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider spinbutton status switch tab table tablist tabpanel textbox timer toolbar tooltip tree treegrid treeitem';
const BOOLEAN = 'true false';
const VOCABULARY: Record<string, ReadonlySet<string>> = Object.fromEntries(
  Object.entries({
    role: ROLES,
    'aria-hidden': BOOLEAN,
    'aria-expanded': BOOLEAN,
    'aria-selected': BOOLEAN,
    'aria-checked': `${BOOLEAN} mixed`,
    'aria-level': '1 2 3 4 5 6',
    'aria-modal': BOOLEAN,
    hidden: ' until-found hidden',
    dir: 'ltr rtl auto',
    type: 'button checkbox email hidden radio search submit text url',
    contenteditable: ` ${BOOLEAN} plaintext-only`,
  }).map(([attr, words]) => [attr, new Set(words.split(' '))]),
);

const safeName = (name: string): string => (NAME.test(name) ? name : '?');

function attributesOf(el: Element): string {
  const names: string[] = [];
  const values: string[] = [];
  for (const { name: raw, value } of Array.from(el.attributes)) {
    const name = safeName(raw.toLowerCase());
    const allowed = VOCABULARY[name];
    if (allowed) values.push(`${name}=${allowed.has(value.toLowerCase()) ? value.toLowerCase() || '""' : '?'}`);
    else names.push(name);
  }
  return `${names.length > 0 ? `[${names.sort().join(',')}]` : ''}${values.length > 0 ? ` ${values.sort().join(' ')}` : ''}`;
}

interface Budget {
  elements: number;
}

/** The skeleton lines of `el` and its subtree. Recursion stops at MAX_DEPTH, so absurd nesting is cut, not overflowed. */
function lines(el: Element, depth: number, budget: Budget): string[] {
  budget.elements += 1;
  const own = `${'  '.repeat(depth)}${safeName(el.localName)}${attributesOf(el)}`;
  if (depth >= MAX_DEPTH) return el.firstElementChild ? [own, `${'  '.repeat(depth + 1)}…`] : [own];
  const out = [own];
  let previous: string[] | undefined;
  let repeats = 0;
  const flush = () => {
    if (!previous) return;
    if (repeats > 1) previous[0] += ` ×${repeats}`;
    out.push(...previous);
  };
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (SKIPPED.has(child.localName)) continue;
    if (budget.elements >= MAX_ELEMENTS) {
      flush();
      previous = undefined;
      out.push(`${'  '.repeat(depth + 1)}…`);
      return out;
    }
    const next = lines(child, depth + 1, budget);
    if (previous && next.join('\n') === previous.join('\n')) {
      repeats += 1;
      continue;
    }
    flush();
    previous = next;
    repeats = 1;
  }
  flush();
  return out;
}

/** The skeleton of `doc`'s body (or root element), at most MAX_SKELETON characters. Never throws. */
export function skeletonOf(doc: Document): string {
  try {
    const root = doc.body ?? doc.documentElement;
    if (!root) return '';
    const text = lines(root, 0, { elements: 0 }).join('\n');
    return text.length <= MAX_SKELETON ? text : `${text.slice(0, text.lastIndexOf('\n', MAX_SKELETON - 2))}\n…`;
  } catch {
    return '';
  }
}
