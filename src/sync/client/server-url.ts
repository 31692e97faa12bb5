import { InviteCodeSchema } from '../account-protocol';
import { t } from '../../i18n';

/**
 * Which team servers the extension will talk to (security.md req. 25): `https:` only, plain
 * `http:` just for a server on this machine; never credentials, a query or a fragment in the
 * URL, since the URL is stored and shown. Returns the base URL without a trailing slash.
 */
export function parseServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(t('errors.enterTheServerAddressFor'));
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error(t('errors.theServerAddressMustStart'));
  }
  if (url.username || url.password) throw new Error(t('errors.leaveTheUserNameAnd'));
  if (url.search || url.hash) throw new Error(t('errors.theServerAddressCannotHave'));
  // `host.` and `host` are the same server to DNS but not to the user reading the address.
  if (url.hostname.endsWith('.')) throw new Error(t('errors.removeTheTrailingDotFrom'));
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * An invite as pasted: the bare code or the whole `<server>/join#inv_…` link. A link also names
 * the server; if the user typed one too, both must agree.
 */
export function parseInvite(raw: string, serverUrl?: string): { serverUrl: string; code: string } {
  const text = raw.trim();
  const hash = text.lastIndexOf('#');
  const code = hash >= 0 ? text.slice(hash + 1) : text;
  if (!InviteCodeSchema.safeParse(code).success) throw new Error(t('errors.thatIsNotAClyde'));
  let fromLink: string | undefined;
  if (hash >= 0) {
    const base = text.slice(0, hash).replace(/\/join\/?$/, '');
    fromLink = parseServerUrl(base);
  }
  const given = serverUrl?.trim() ? parseServerUrl(serverUrl) : undefined;
  if (fromLink && given && fromLink !== given) throw new Error(t('errors.inviteFor', { link: fromLink, given }));
  const server = given ?? fromLink;
  if (!server) throw new Error(t('errors.enterTheServerAddressOr'));
  return { serverUrl: server, code };
}
