import type { Browser } from 'wxt/browser';
import { PANEL_HOSTS } from '../parsers/hosts';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { ContentMessage, PanelMessage, contextKey, type HelloReply, type TabContext } from './protocol';

type Sender = Browser.runtime.MessageSender;

const PANEL_PATTERNS = PANEL_HOSTS.map((p) => new MatchPattern(p));

export interface RouterDeps {
  extensionId: string;
  extensionOrigin: string;
  session: { set(items: Record<string, unknown>): Promise<void> };
}

/**
 * The background's one entry point for runtime messages. It checks who sent a message before
 * reading it (security.md A12 §13): content-script messages only from the top frame of a
 * supported page, panel messages only from our own extension pages. Anything else is dropped.
 */
export async function route(raw: unknown, sender: Sender, deps: RouterDeps): Promise<HelloReply | undefined> {
  if (sender.id !== deps.extensionId) return undefined;
  const fromExtensionPage = sender.url?.startsWith(deps.extensionOrigin) ?? false;

  if (fromExtensionPage) {
    const msg = PanelMessage.safeParse(raw);
    if (!msg.success) return undefined;
    // The injected panel is a frame inside a tab; the side panel has no tab and gets nothing here.
    return sender.tab?.id !== undefined ? { tabId: sender.tab.id } : undefined;
  }

  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0 || !sender.url || !PANEL_PATTERNS.some((p) => p.includes(sender.url!))) return undefined;
  const msg = ContentMessage.safeParse(raw);
  if (!msg.success) return undefined;
  const value: TabContext = { context: msg.data.context, at: Date.now() };
  await deps.session.set({ [contextKey(tabId)]: value });
  return undefined;
}
