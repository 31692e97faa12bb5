import { browser } from 'wxt/browser';
import { SkeletonReply, type PanelMessage } from '../messaging/protocol';
import type { PageContext } from '../parsers/schema';

/**
 * The text a user can attach to a bug report when Clyde could not read a page: which reader and
 * view, the extension version, and the page's skeleton as the background read it (tags
 * and attribute names; no text and no values that could name anyone). The page URL is left out:
 * it names the thread or profile.
 */
export async function pageDiagnostic(tabId: number, context: Pick<PageContext, 'site' | 'view'>): Promise<string> {
  const raw: unknown = await browser.runtime.sendMessage({ type: 'page/skeleton', tabId } satisfies PanelMessage);
  const reply = SkeletonReply.safeParse(raw);
  if (!reply.success) throw new Error('The page did not answer. Reload it and try again.');
  const header = [`Clyde ${browser.runtime.getManifest().version} could not read a page`, `reader: ${context.site}`, `view: ${context.view}`];
  return `${header.join('\n')}\n\n${reply.data.skeleton}`;
}
