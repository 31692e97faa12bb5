import { findAddresses } from '../address';
import { attr } from '../dom';
import type { MailSelf } from '../people';
import { SELF_SOURCES } from './selectors';

/**
 * The signed-in mailbox, from attributes OWA sets on the folder pane root and the account
 * manager. Not filtered by visibility: a collapsed folder pane still names the user.
 */
export function readSelf(doc: Document): MailSelf {
  const addresses = SELF_SOURCES.flatMap(([selector, names]) =>
    Array.from(doc.querySelectorAll(selector)).flatMap((el) => {
      const values = names.length > 0 ? names.map((name) => attr(el, name)) : [el.textContent];
      return values.flatMap((value) => findAddresses(value ?? ''));
    }),
  );
  return { email: addresses[0], addresses };
}
