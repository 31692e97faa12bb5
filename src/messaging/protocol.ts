import * as z from 'zod/mini';
import { PageContextSchema } from '../parsers/schema';
import { MAX_SENT_AT_COUNT, MAX_SENT_AT_TEXT } from '../parsers/sent-at';
import { MAX_SKELETON } from '../parsers/schema';

/**
 * Every runtime message Clyde sends, one zod schema each, grouped by direction. Receivers parse
 * with these and drop anything that does not match; message type strings appear nowhere else.
 * zod/mini because the panel and background share these schemas with the page parsers, which
 * ship in the content script.
 */

/** A browser tab's id, as every message about a tab carries it. */
const TabId = z.number().check(z.int(), z.nonnegative());

/** Content script (top frame of a supported page) → background. */
export const ContentMessage = z.discriminatedUnion('type', [
  /**
   * What the page shows now; null when it shows no one Clyde can read. `at` is the page's
   * high-resolution clock, so a receiver can tell a late message from a newer one.
   */
  z.strictObject({ type: z.literal('page/context'), context: z.nullable(PageContextSchema), at: z.number() }),
]);

/** Panel (extension page, in the injected frame or the side panel) → background. */
export const PanelMessage = z.discriminatedUnion('type', [
  /** Which tab am I in? The injected panel follows the page of its own tab. */
  z.strictObject({ type: z.literal('panel/hello') }),
  /** The user pressed "Sync now", or a page just wrote and wants it sent without waiting. */
  z.strictObject({ type: z.literal('sync/now') }),
  /** The user asked Clyde to read the page in this tab (a site without its own reader). */
  z.strictObject({ type: z.literal('page/read'), tabId: TabId }),
  /** The open email in the tab's page, as the user logs it: the selected text and the messages' dates; never the body. */
  z.strictObject({ type: z.literal('page/email'), tabId: TabId }),
  /** The tab's tag/attribute skeleton (no text, no personal values) for a bug report, when Clyde could not read it. */
  z.strictObject({ type: z.literal('page/skeleton'), tabId: TabId }),
  /**
   * The person the panel shows among the page's people in tab `tabId` (`keyOf`); null for the
   * first. The context menu adds a selection to the same person.
   */
  z.strictObject({ type: z.literal('panel/picked'), tabId: TabId, key: z.nullable(z.string().check(z.maxLength(2048))) }),
]);

/** Background → content script of a tab. */
export const BackgroundMessage = z.discriminatedUnion('type', [
  /** The tab's URL changed by the History API (LinkedIn, X): read the page again. */
  z.strictObject({ type: z.literal('page/url-changed') }),
]);

/**
 * Answers to `page/skeleton` and `page/email`. The background reads both from the tab with a
 * one-off `scripting` injection (page-inspect.ts), so the content script stays small and listens
 * to no panel at all.
 */
export const SkeletonReply = z.strictObject({ skeleton: z.string().check(z.maxLength(MAX_SKELETON)) });
export type SkeletonReply = z.infer<typeof SkeletonReply>;

/** Answer to `page/read`: how many people the page names, or why Clyde did not read it. */
export const ReadPageReply = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), people: z.number().check(z.int(), z.nonnegative()) }),
  z.strictObject({ ok: z.literal(false), reason: z.enum(['not-allowed', 'supported', 'unreadable']) }),
]);
export type ReadPageReply = z.infer<typeof ReadPageReply>;

export const HelloReply = z.strictObject({
  tabId: TabId,
  /** The tab's stored page context: Firefox gives a frame inside a web page no `storage.session`. */
  page: z.optional(z.strictObject({ context: z.nullable(PageContextSchema), at: z.number() })),
});

/** A selection longer than this is cut before it leaves the page. */
export const MAX_SELECTION = 5000;
/** Answer to `page/email`: the selected text, and each visible message's date as the site prints it (src/parsers/sent-at.ts). */
export const EmailReply = z.strictObject({
  text: z.string().check(z.maxLength(MAX_SELECTION)),
  sentAt: z.array(z.string().check(z.maxLength(MAX_SENT_AT_TEXT))).check(z.maxLength(MAX_SENT_AT_COUNT)),
});

export type ContentMessage = z.infer<typeof ContentMessage>;
export type PanelMessage = z.infer<typeof PanelMessage>;
export type BackgroundMessage = z.infer<typeof BackgroundMessage>;
export type HelloReply = z.infer<typeof HelloReply>;
export type EmailReply = z.infer<typeof EmailReply>;

export const helloMessage: PanelMessage = { type: 'panel/hello' };
export const syncNowMessage: PanelMessage = { type: 'sync/now' };

/** The background keeps each tab's page context in `storage.session`, readable only by extension pages. */
export const contextKey = (tabId: number) => `context:${tabId}`;
/** And the key of the person picked in the panel of each tab (`panel/picked`), a string or null. */
export const pickKey = (tabId: number) => `pick:${tabId}`;
export const TabContext = z.strictObject({ context: z.nullable(PageContextSchema), at: z.number() });
export type TabContext = z.infer<typeof TabContext>;
