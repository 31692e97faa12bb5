import type { IsVisible } from './dom';

/** Matches looked at per pick: a page with thousands of candidates gets the first ones, not a slow parse. */
const MAX_CANDIDATES = 2_000;

/**
 * `firstVisible` for several ordered selector lists at once, in one pass over `root`: for each
 * list, the first visible match of its first selector that has one (lists are ordered newest
 * layout first). A DOM scan is the costly part of a parse on a large page, so a reader that
 * needs several fields from one region asks for them together.
 */
export function pickFirst<K extends string>(
  root: ParentNode,
  lists: Readonly<Record<K, readonly string[]>>,
  isVisible: IsVisible,
): Partial<Record<K, Element>> {
  const keys = Object.keys(lists) as K[];
  const all = Array.from(new Set(keys.flatMap((k) => lists[k])));
  const candidates = Array.from(root.querySelectorAll(all.join(','))).slice(0, MAX_CANDIDATES);
  const picked: Partial<Record<K, Element>> = {};
  for (const key of keys) {
    for (const selector of lists[key]) {
      const found = candidates.find((el) => el.matches(selector) && isVisible(el));
      if (found) {
        picked[key] = found;
        break;
      }
    }
  }
  return picked;
}

/**
 * `firstVisible`, cheap when the answer comes early in the document (the usual case: the main
 * landmark, a profile header above its timeline). The first element matching any of the
 * selectors is the answer if it is visible and matches the first selector, since nothing before
 * it matches at all; only otherwise are all matches listed and ranked.
 */
export function firstVisibleQuick(root: ParentNode, selectors: readonly string[], isVisible: IsVisible): Element | undefined {
  const [best] = selectors;
  const first = root.querySelector(selectors.join(','));
  if (!first || !best) return undefined;
  if (first.matches(best) && isVisible(first)) return first;
  return pickFirst(root, { found: selectors }, isVisible).found;
}
