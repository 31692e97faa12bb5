import { allVisible, visibility } from './dom';
import { SENT_AT as GMAIL } from './gmail/selectors';
import { SENT_AT as OUTLOOK } from './outlook/selectors';

/** Each webmail site's date selectors, by parser id. */
const SENT_AT: Readonly<Record<string, readonly string[]>> = { gmail: GMAIL, outlook: OUTLOOK };

/** Bounds on what leaves the page: a date line is short, and a thread rarely shows more messages. */
export const MAX_SENT_AT_TEXT = 200;
export const MAX_SENT_AT_COUNT = 100;

/**
 * The dates the open conversation's visible messages print, as the site writes them (the
 * element's `title`, else its text), in document order. Which one is the latest is for the
 * reader to decide: Gmail lists a thread oldest first, Outlook newest first by default. Hidden
 * (stale) views are skipped like everywhere else. Empty for a site without date selectors.
 */
export function sentAtTexts(doc: Document, site: string | undefined): string[] {
  const isVisible = visibility();
  for (const selector of SENT_AT[site ?? ''] ?? []) {
    const texts = allVisible(doc, selector, isVisible)
      .map((el) => (el.getAttribute('title')?.trim() || el.textContent?.trim() || '').slice(0, MAX_SENT_AT_TEXT))
      .filter(Boolean);
    if (texts.length) return texts.slice(-MAX_SENT_AT_COUNT);
  }
  return [];
}
