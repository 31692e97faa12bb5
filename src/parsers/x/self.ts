import { attr } from '../dom';
import { HANDLE } from './route';
import { ACCOUNT_AVATAR, ACCOUNT_SWITCHER } from './selectors';

const AT_HANDLE = /@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_])/;

/**
 * The signed-in account's handle (lower case), from the side-nav account switcher: its avatar
 * container's test id ends with the handle, and its text shows `@handle`. Not filtered by
 * visibility: the nav collapses on narrow windows and is still the user.
 */
export function readSelf(doc: Document): string | undefined {
  const button = doc.querySelector(ACCOUNT_SWITCHER);
  if (!button) return undefined;
  const fromId = attr(button.querySelector(ACCOUNT_AVATAR), 'data-testid')?.replace('UserAvatar-Container-', '');
  if (fromId && HANDLE.test(fromId)) return fromId.toLowerCase();
  return AT_HANDLE.exec(button.textContent ?? '')?.[1]?.toLowerCase();
}
