import { InviteCodeSchema } from '../account-protocol';

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
    throw new Error('Enter the server address, for example https://sync.example.com.');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error('The server address must start with https:// (http:// only for localhost).');
  }
  if (url.username || url.password) throw new Error('Leave the user name and password out of the server address.');
  if (url.search || url.hash) throw new Error('The server address cannot have a query (?) or fragment (#).');
  // `host.` and `host` are the same server to DNS but not to the user reading the address.
  if (url.hostname.endsWith('.')) throw new Error('Remove the trailing dot from the server name.');
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
  if (!InviteCodeSchema.safeParse(code).success) throw new Error('That is not a Clyde invite: paste the whole link (…/join#inv_…).');
  let fromLink: string | undefined;
  if (hash >= 0) {
    const base = text.slice(0, hash).replace(/\/join\/?$/, '');
    fromLink = parseServerUrl(base);
  }
  const given = serverUrl?.trim() ? parseServerUrl(serverUrl) : undefined;
  if (fromLink && given && fromLink !== given) throw new Error(`The invite is for ${fromLink}, not ${given}.`);
  const server = given ?? fromLink;
  if (!server) throw new Error('Enter the server address, or paste the whole invite link.');
  return { serverUrl: server, code };
}
