import type { PageContext } from '../parsers/schema';

/**
 * After an in-app navigation on LinkedIn or X the URL changes before the new profile renders,
 * so for a moment the page shows the previous person under the new address. This wraps a reader
 * so that, while the name on screen is still the previous profile's, it keeps answering the
 * previous context; the page's next DOM change re-reads. After `patienceMs` it trusts the page.
 */
export function settledProfile(read: () => PageContext | null, patienceMs = 3000): () => PageContext | null {
  let shown: PageContext | null = null;
  let urlChangedAt = 0;
  return () => {
    const next = read();
    const before = shown?.people[0];
    const now = next?.people[0];
    if (before && now && before.profileUrl !== now.profileUrl && before.name === now.name) {
      urlChangedAt ||= performance.now();
      if (performance.now() - urlChangedAt < patienceMs) return shown;
    }
    urlChangedAt = 0;
    shown = next;
    return next;
  };
}
