import { parseMailboxList, type Mailbox } from '../address';
import { allVisible, attr, insideAny, visibleText, type IsVisible } from '../dom';
import { ADDRESS_CARRIER, NOT_PEOPLE } from './selectors';

/**
 * A leading field label in an aria-label or title ("From: ", "Von: ", "发件人：", "To: "). It is
 * removed whatever the language; what follows is parsed as a list of mailboxes.
 */
const LEADING_LABEL = /^[^<>@"]{1,30}?[:：]\s*/u;

function mailtoTarget(href: string): string | undefined {
  if (!/^mailto:/i.test(href)) return undefined;
  try {
    return decodeURIComponent(href.slice('mailto:'.length).split('?')[0] ?? '');
  } catch {
    return undefined;
  }
}

/**
 * The mailboxes an element's attributes carry. OWA writes them as `title="ana@example.com"`
 * on a persona whose text is the name, as `aria-label="From: Ana Lima <ana@example.com>"`, or as
 * a mailto link. When the attribute has no name, the element's own text is used (if it is not
 * itself an address).
 */
export function mailboxesOf(el: Element): Mailbox[] {
  const sources = [attr(el, 'aria-label'), attr(el, 'title')]
    .filter((s): s is string => s !== undefined && s.includes('@'))
    .map((s) => s.replace(LEADING_LABEL, ''));
  const mailto = mailtoTarget(attr(el, 'href') ?? '');
  if (mailto) sources.push(mailto);
  const text = visibleText(el);
  // A persona whose address is in no attribute writes it in its text: `Name<addr>` (2025 live.com).
  if (sources.length === 0 && text.includes('@')) sources.push(text);
  return sources.flatMap(parseMailboxList).map((mailbox) => (mailbox.name || text.includes('@') ? mailbox : { ...mailbox, name: text }));
}

/** Visible elements under `root` that may carry a person's address, minus bodies, the list and editors. */
export function carriersIn(root: Element, isVisible: IsVisible): Element[] {
  return allVisible(root, ADDRESS_CARRIER, isVisible).filter((el) => !insideAny(el, NOT_PEOPLE, root));
}
