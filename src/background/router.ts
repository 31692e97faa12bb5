import type { Browser } from 'wxt/browser';
import { readPageMessage } from './page-sender';
import type { PageInspector } from './page-inspect';
import { PanelMessage, type EmailReply, TabContext, contextKey, pickKey, type HelloReply, type ReadPageReply, type SkeletonReply } from '../messaging/protocol';

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  session: { set(items: Record<string, unknown>): Promise<void>; get?(key: string): Promise<Record<string, unknown>> };
  /** "Read this page" (read-page.ts); absent where the browser has no `scripting`. */
  readPage?: (tabId: number) => Promise<ReadPageReply>;
  /** Reads a tab's selection or skeleton on the panel's request (page-inspect.ts). */
  inspect?: PageInspector;
}

/**
 * The background's one entry point for runtime messages. It checks who sent a message before
 * reading it (security.md A12 §13): content-script messages only from the top frame of a
 * supported page, panel messages only from our own extension pages. Anything else is dropped.
 */
export async function route(raw: unknown, sender: Browser.runtime.MessageSender, deps: RouterDeps): Promise<HelloReply | ReadPageReply | EmailReply | SkeletonReply | undefined> {
  if (sender.id !== deps.extensionId) return undefined;

  if (sender.url?.startsWith(deps.extensionOrigin)) {
    const message = PanelMessage.safeParse(raw).data;
    if (message?.type === 'page/read') return deps.readPage?.(message.tabId) ?? { ok: false, reason: 'not-allowed' };
    if (message?.type === 'page/email') return deps.inspect?.email(message.tabId) ?? { text: '', sentAt: [] };
    if (message?.type === 'page/skeleton') return deps.inspect?.skeleton(message.tabId);
    if (message?.type === 'panel/picked') return void (await deps.session.set({ [pickKey(message.tabId)]: message.key }));
    // `sync/now` is the sync service's to answer; the router answers the other panel messages.
    if (message?.type !== 'panel/hello') return undefined;
    // The injected panel is a frame inside a tab; the side panel has no tab and gets nothing here.
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const key = contextKey(tabId);
    const page = TabContext.safeParse((await deps.session.get?.(key))?.[key]);
    return page.success ? { tabId, page: page.data } : { tabId };
  }

  const page = readPageMessage(raw, sender, deps.extensionId);
  if (!page) return undefined;
  // Kept per tab so a panel that opens later, or reloads, finds what its page shows.
  const value: TabContext = { context: page.context, at: page.at };
  await deps.session.set({ [contextKey(page.tabId)]: value });
  return undefined;
}
