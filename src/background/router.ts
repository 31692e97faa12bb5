import type { Browser } from 'wxt/browser';
import { readContentMessage } from './page-sender';
import type { PageInspector } from './page-inspect';
import type { PageContext } from '../parsers/schema';
import { readStored, SESSION, type TabContext } from '../storage/keys';
import { readPanelMessage, type PanelCall, type PanelPayload, type PanelReply, type ReadPageReply } from '../messaging/protocol';

type Sender = Browser.runtime.MessageSender;

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  session: { set(items: Record<string, unknown>): Promise<void>; get?(key: string): Promise<Record<string, unknown>> };
  /** Repeats a `storage.session` change to panels that cannot see it (protocol.ts `SESSION_RELAY`). */
  relay?: (changes: Record<string, { newValue: unknown }>) => void;
  /** "Read this page" (read-page.ts); absent where the browser has no `scripting`. */
  readPage?: (tabId: number) => Promise<ReadPageReply>;
  /** Reads a tab's selection or skeleton on the panel's request (page-inspect.ts). */
  inspect?: PageInspector;
  /** Asks the sync service for a round (sync.ts); absent in tests that do not sync. */
  syncNow?: () => void;
  /** Told each page context a tab's content script reports, after it is stored (opened-threads.ts). */
  pageShown?: (tabId: number, context: PageContext | null) => void;
}

/**
 * One handler per panel request. The mapped type ties each handler to its request's payload and
 * reply (protocol.ts `PanelCalls`), so a handler that answers the wrong thing, or a request type
 * left unanswered, fails to compile.
 */
export type PanelHandlers = {
  [K in PanelCall]: (payload: PanelPayload<K>, sender: Sender) => Promise<PanelReply<K>> | PanelReply<K>;
};

export function panelHandlers(deps: RouterDeps): PanelHandlers {
  return {
    async 'panel/hello'(_, sender) {
      // The injected panel is a frame inside a tab; the side panel has no tab and gets nothing here.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      const key = SESSION.context.name(tabId);
      const page = readStored(SESSION.context.schema, (await deps.session.get?.(key))?.[key]);
      return page ? { tabId, page } : { tabId };
    },
    'sync/now': () => deps.syncNow?.(),
    'page/read': ({ tabId }) => deps.readPage?.(tabId) ?? { ok: false, reason: 'not-allowed' },
    'page/email': ({ tabId }) => deps.inspect?.email(tabId) ?? { text: '', sentAt: [] },
    'page/skeleton': ({ tabId }) => deps.inspect?.skeleton(tabId),
    async 'panel/picked'({ tabId, key }) {
      await deps.session.set({ [SESSION.pick.name(tabId)]: key });
    },
  };
}

/** Calls the request's own handler; generic over the type so payload and reply stay paired. */
function answer<K extends PanelCall>(handlers: PanelHandlers, type: K, payload: PanelPayload<K>, sender: Sender) {
  return handlers[type](payload, sender);
}

/**
 * The background's one entry point for runtime messages, from panels and content scripts alike.
 * It checks who sent a message before reading it (security.md A12 §13): content-script messages
 * only from the top frame of a supported page, panel requests only from our own extension pages.
 * Anything else, and any request whose payload fails its schema, is dropped unanswered.
 */
export async function route(raw: unknown, sender: Sender, deps: RouterDeps): Promise<unknown> {
  if (sender.id !== deps.extensionId) return undefined;

  if (sender.url?.startsWith(deps.extensionOrigin)) {
    const request = readPanelMessage(raw);
    return request && answer(panelHandlers(deps), request.type, request.payload, sender);
  }

  const content = readContentMessage(raw, sender, deps.extensionId);
  if (!content) return undefined;
  const { tabId, message } = content;
  // Kept per tab so a panel that opens later, or reloads, finds what its page shows. Open panels
  // hear of it through storage.session.onChanged, or through the relay, posted first: it waits on nothing.
  const store = async (key: string, value: unknown) => {
    deps.relay?.({ [key]: { newValue: value } });
    await deps.session.set({ [key]: value });
  };
  if (message.type === 'page/theme') return void (await store(SESSION.theme.name(tabId), message.theme));
  const value: TabContext = { context: message.context, at: message.at };
  await store(SESSION.context.name(tabId), value);
  deps.pageShown?.(tabId, message.context);
  return undefined;
}
