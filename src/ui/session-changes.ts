import { browser } from 'wxt/browser';
import { SESSION_RELAY } from '../messaging/protocol';

export type SessionChanges = Record<string, { newValue?: unknown }>;

/**
 * Calls `onChanges` with each change the background makes to its per-tab keys in
 * `storage.session` (storage/keys.ts SESSION), until `signal` aborts. Firefox's injected frame has
 * no `storage.session`, not even in Firefox ESR 153: there the same changes come over the
 * background's relay (protocol.ts `SESSION_RELAY`). Returns the area to read the current values
 * from; undefined in that frame, which gets them by asking the background.
 */
export function onSessionChanges(onChanges: (changes: SessionChanges) => void, signal: AbortSignal) {
  const session = browser.storage.session as typeof browser.storage.session | undefined;
  if (session) {
    session.onChanged.addListener(onChanges);
    signal.addEventListener('abort', () => session.onChanged.removeListener(onChanges));
  } else {
    const relay = new BroadcastChannel(SESSION_RELAY);
    relay.addEventListener('message', ({ data }: MessageEvent<SessionChanges | null>) => data && onChanges(data));
    signal.addEventListener('abort', () => relay.close());
  }
  return session;
}
