import { MatchPattern } from 'wxt/utils/match-patterns';
import { SUPPORTED_HOSTS } from '../parsers/hosts';
import { ContentMessage, type ReadPageReply } from '../messaging/protocol';
import { readStored, SESSION, type TabContext } from '../storage/keys';

const SUPPORTED = SUPPORTED_HOSTS.map((p) => new MatchPattern(p));

/** The browser calls the background makes, injected so the logic can be tested without a browser. */
export interface ReadPageDeps {
  /** The tab's URL, undefined when Clyde may not see it (no activeTab grant, no host permission). */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Runs the generic reader (entrypoints/generic.ts) in the tab's top frame; its result, or a thrown error. */
  inject(tabId: number): Promise<unknown>;
  session: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(key: string): Promise<void>;
  };
}

/**
 * "Read this page" on a site Clyde has no reader for: only when the user asked (toolbar button,
 * keyboard shortcut, or the side panel's button right after one), with the `activeTab` grant that
 * asking gives, never by host permission. The reader's answer is validated like a content
 * script's `page/context` and stored as the tab's context, so every panel follows it.
 * Supported sites are left to their own content script, whose reading is better.
 */
export async function readPageOnRequest(tabId: number, deps: ReadPageDeps): Promise<ReadPageReply> {
  const url = await deps.tabUrl(tabId).catch(() => undefined);
  if (!url) return { ok: false, reason: 'not-allowed' };
  if (SUPPORTED.some((p) => p.includes(url))) return { ok: false, reason: 'supported' };
  let result: unknown;
  try {
    result = await deps.inject(tabId);
  } catch {
    // No grant for this tab (the panel button without a toolbar click first), or a page the
    // browser protects (the Web Store, settings pages).
    return { ok: false, reason: 'not-allowed' };
  }
  const message = ContentMessage.safeParse(result);
  if (!message.success || message.data.type !== 'page/context') return { ok: false, reason: 'unreadable' };
  const value: TabContext = { context: message.data.context, at: message.data.at };
  await deps.session.set({ [SESSION.context.name(tabId)]: value });
  // A theme stored for this tab came from a supported site it showed before: the panels beside this
  // page follow the system setting (point 3 of #16: the host's theme only where Clyde reads one).
  await deps.session.remove(SESSION.theme.name(tabId));
  return { ok: true, people: message.data.context?.people.length ?? 0 };
}

/**
 * What a tab showed, once it is showing something else (a `tabs.onUpdated` status change; `url` as
 * Clyde may see it, undefined when it may not). A page read on request is a snapshot of the page
 * the tab has left, so it goes. So does everything on a page no content script of Clyde's reads:
 * nothing will report that page, and panels beside it would go on showing the last page's person
 * in the last page's theme. On a supported site the content script reports the new page itself,
 * and what it stored stays until then, sparing the panel a flash of "no one".
 */
export async function forgetLeftPage(tabId: number, url: string | undefined, session: ReadPageDeps['session']): Promise<void> {
  const key = SESSION.context.name(tabId);
  if (!url || !SUPPORTED.some((p) => p.includes(url))) {
    await Promise.all([session.remove(key), session.remove(SESSION.theme.name(tabId))]);
    return;
  }
  const stored = readStored(SESSION.context.schema, (await session.get(key))[key]);
  if (stored?.context?.site === 'generic') await session.remove(key);
}
