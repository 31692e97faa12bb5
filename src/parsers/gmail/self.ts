import { findAddresses, parseAddress, parseMailbox } from '../address';
import { attr, inputValue } from '../dom';
import type { MailSelf } from '../people';
import { ACCOUNT_BUTTON, COMPOSE_FROM } from './selectors';

/**
 * Gmail titles end with the mailbox address: "Inbox (3) - nadia.rep@example.com - Gmail",
 * "Re: Lunch - nadia.rep@example.com - Gmail" (Workspace may brand the last part). The last
 * " - " part that is an address is the mailbox; a subject cannot come after it.
 */
function addressFromTitle(title: string): string | undefined {
  const parts = title.split(' - ');
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const address = parseAddress(parts[i]);
    if (address) return address;
  }
  return undefined;
}

/**
 * Who is signed in. Read from the title and attributes only: Gmail also labels the user "me" in
 * headers, but that label is localised ("我", "moi"), so people are excluded by address instead.
 * Not filtered by visibility: the account button may sit in a collapsed bar and still be the user.
 */
export function readSelf(doc: Document): MailSelf {
  const fromTitle = addressFromTitle(doc.title);
  const fromAccount = Array.from(doc.querySelectorAll(ACCOUNT_BUTTON), (a) => findAddresses(attr(a, 'aria-label') ?? ''));
  const fromCompose = Array.from(doc.querySelectorAll(COMPOSE_FROM), (el) => parseMailbox(inputValue(el) ?? '')?.email);
  const accounts = fromAccount.flat();
  const email = fromTitle ?? accounts[0];
  const addresses = [fromTitle, ...accounts, ...fromCompose].filter((a): a is string => a !== undefined);
  return { email, addresses };
}
