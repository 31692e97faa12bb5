import { browser } from 'wxt/browser';
import { DATA_SENT_TO_TEAM } from '../data-sent';
import { SyncApiError, type Fetch } from './api';
import { t } from '../../i18n';

/** Firefox's permissions API knows data collection; WXT's types (from Chrome's) do not yet. */
type WithDataCollection = { data_collection: string[] };
const asked = (): WithDataCollection => ({ data_collection: [...DATA_SENT_TO_TEAM] });

/** What the connect form says when the user said no to Firefox's question, in their language. */
export const consentRefused = () => t('syncMore.consentRefused');

/**
 * Firefox asks the user, in its own words, whether Clyde may send their records to the team
 * server; Chrome has no such consent, and its install prompt covers the hosts. Must be called in
 * the click or submit handler itself, before anything is awaited: Firefox only asks during a user
 * action. Throws consentRefused() when the answer is no.
 */
export async function askToSendToTeam(): Promise<void> {
  if (!import.meta.env.FIREFOX) return;
  if (!(await browser.permissions.request(asked() as never))) throw new Error(consentRefused());
}

/**
 * `fetch` for team sync that sends nothing once the user has taken Firefox's consent back
 * (about:addons → Clyde → Permissions). The round fails with CONSENT_WITHDRAWN, which the sync
 * status explains, the outbox keeps every change, and the next round after consent is given again
 * sends them.
 */
export function consentedFetch(fetch: Fetch): Fetch {
  if (!import.meta.env.FIREFOX) return fetch;
  return async (url, init) => {
    if (!(await browser.permissions.contains(asked() as never))) {
      throw new SyncApiError('CONSENT_WITHDRAWN', t('syncErrors.consentWithdrawn'));
    }
    return fetch(url, init);
  };
}
