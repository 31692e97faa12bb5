import { parseMailboxList } from '../address';
import { allVisible, attr, type IsVisible } from '../dom';
import { MAILTO } from './selectors';

/** Links read per page: the result keeps at most MAX_PEOPLE anyway. */
const MAX_LINKS = 500;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Addresses of visible `mailto:` links, in page order (`mailto:a@x,b@y?subject=…` gives two).
 * Hidden links are skipped: they are what spam traps put in pages. The link text is not taken as
 * a name: it is as often "Email us" as a person's name.
 */
export function fromMailto(doc: Document, isVisible: IsVisible): string[] {
  const links = allVisible(doc, MAILTO, isVisible).slice(0, MAX_LINKS);
  return links.flatMap((a) => {
    const target = (attr(a, 'href') ?? '').replace(/^mailto:/i, '').split('?')[0] ?? '';
    return parseMailboxList(decode(target)).map((m) => m.email);
  });
}
