import { browser } from 'wxt/browser';
import { PanelCalls, panelMessage, type PanelCall, type PanelPayload, type PanelReply } from '../messaging/protocol';
import { t } from '../i18n';

/** What the user reads when the background cannot answer; useAction shows it in an ErrorLine. */
export const noAnswer = () => t('panelErrors.noAnswer');

/** The payload argument, optional for requests that carry none (`ask('sync/now')`); `{}` is "no field required". */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` here is the type-level test for "no required field"
type PayloadArg<K extends PanelCall> = {} extends PanelPayload<K> ? [payload?: PanelPayload<K>] : [payload: PanelPayload<K>];

/**
 * The panel's one client for the background: every UI call goes through here (Hypothesis's one
 * typed place per direction). The request's type picks its payload and reply types from the
 * protocol's `PanelCalls`, and the reply is validated with that request's schema, since a
 * background mid-update may answer in an older shape. Failing to send, or an answer that fails
 * the schema, throws an Error whose message a person can act on; callers for whom an answer is
 * optional catch it and go on without one.
 */
export async function ask<K extends PanelCall>(type: K, ...[payload]: PayloadArg<K>): Promise<PanelReply<K>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(panelMessage(type, (payload ?? {}) as PanelPayload<K>));
  } catch {
    // No background listening: the extension is reloading or was just updated.
    throw new Error(noAnswer());
  }
  const reply = PanelCalls[type].reply.safeParse(raw);
  if (!reply.success) throw new Error(noAnswer());
  return reply.data as PanelReply<K>;
}
