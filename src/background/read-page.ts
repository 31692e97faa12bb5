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
 * What a tab showed, once its page changes (`tabs.onUpdated` with a `status`; `url` as Clyde may
 * see it, undefined when it may not). A page no content script of Clyde's reads reports nothing,
 * so whatever a site's reader stored for the page before it, and its theme, would stay beside it:
 * the panel would go on showing the last thread's person in the last thread's theme. Those go. A
 * page read on request is a snapshot: it goes once the tab starts loading something else, but
 * not when it completes, since it may have been read while this page was loading. On a supported
 * site the content script reports the new page itself, and what it stored stays until then,
 * sparing the panel a flash of "no one".
 */
export async function forgetLeftPage(
  tabId: number,
  { url, status }: { url: string | undefined; status: string },
  session: ReadPageDeps['session'],
): Promise<void> {
  const key = SESSION.context.name(tabId);
  const readHere = url !== undefined && SUPPORTED.some((p) => p.includes(url));
  if (!readHere) await session.remove(SESSION.theme.name(tabId));
  const stored = readStored(SESSION.context.schema, (await session.get(key))[key]);
  if (!stored) return;
  const stale = stored.context?.site === 'generic' ? status === 'loading' || readHere : !readHere;
  if (stale) await session.remove(key);
}
