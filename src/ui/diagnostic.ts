import { browser } from 'wxt/browser';
import type { PageContext } from '../parsers/schema';
import { diagnosticText } from '../parsers/skeleton';
import { ask } from './ask';
import { t } from '../i18n';

/**
 * The text a user can attach to a bug report when Clyde could not read a page: which reader and
 * view, the extension version, and the page's censored copy as the background read it (its
 * structure, with every word the parsers do not look for masked, the address included). A
 * developer turns it into a fixture with `npm run fixture:anonymize` (src/parsers/README.md).
 */
export async function pageDiagnostic(tabId: number, context: Pick<PageContext, 'site' | 'view'>): Promise<string> {
  const reply = await ask('page/skeleton', { tabId });
  // No skeleton: the page could not be inspected (still loading, or a page the browser protects).
  if (!reply) throw new Error(t('errors.thePageDidNotAnswer'));
  return diagnosticText(browser.runtime.getManifest().version, context.site, context.view, reply.skeleton);
}
