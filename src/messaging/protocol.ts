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

/** The themes a page can show, as the content script reads them (src/content/page-theme.ts). */
export const THEMES = ['dark', 'light'] as const;

/** A browser tab's id, as every message about a tab carries it. */
const TabId = z.number().check(z.int(), z.nonnegative());

/** Content script (top frame of a supported page) → background. */
export const ContentMessage = z.discriminatedUnion('type', [
  /**
   * What the page shows now; null when it shows no one Clyde can read. `at` is the page's
   * high-resolution clock, so a receiver can tell a late message from a newer one.
   */
  z.strictObject({ type: z.literal('page/context'), context: z.nullable(PageContextSchema), at: z.number() }),
  /**
   * The theme the page shows (its own colours, else the system's; src/content/page-theme.ts), once
   * and whenever it changes: panels beside the page wear it (src/ui/theme/follow-tab.ts).
   */
  z.strictObject({ type: z.literal('page/theme'), theme: z.enum(THEMES) }),
]);

/**
 * Background → panels that have no `storage.session` (Firefox's injected frame, still without it
 * in Firefox ESR 153), and not as a runtime message: each page context the background stores is
 * posted, as the `storage.session.onChanged` change it makes (`{ [key]: { newValue } }`), on the
 * BroadcastChannel of this name. Only the extension's own pages share its origin, so neither the
 * host page nor a content script can post on it.
 */
export const SESSION_RELAY = 'clyde:session';

/**
 * Background → every extension page: a team catch-up's progress, posted on the BroadcastChannel of
 * this name as each pull page commits, as the meta `catchUp` value it wrote (null: caught up).
 * Pages could read it from IndexedDB, but their live query, queued behind the catch-up's
 * back-to-back page transactions, was run again on every commit before it could answer: a 100k
 * join showed no count until 72,000 of 97,050 (join bench). Validated on receipt as the meta value is.
 */
export const CATCH_UP_PROGRESS = 'clyde:catch-up';

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

const HelloReply = z.strictObject({
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

/** A request about the page in tab `tabId` (the panel knows its tab from `panel/hello` or the side panel's window). */
const OnTab = z.strictObject({ tabId: TabId });
const NoPayload = z.strictObject({});
/** The reply of a request that only asks for something to happen. */
const NoReply = z.void();

/**
 * Panel (extension page, in the injected frame or the side panel) → background: every request
 * by type, with the schema of its payload and of its reply (Hypothesis's per-direction call
 * maps). The background's handler map (src/background/router.ts) must answer each request with
 * its reply type, and the panel's one client (src/ui/ask.ts) is typed from the same map. On the
 * wire a request is its payload with `type` beside it: `{ type: 'page/read', tabId: 3 }`.
 */
export const PanelCalls = {
  /** Which tab am I in? The injected panel follows the page of its own tab; the side panel, in no tab, gets nothing. */
  'panel/hello': { payload: NoPayload, reply: z.optional(HelloReply) },
  /** The user pressed "Sync now", or a page just wrote and wants it sent without waiting. */
  'sync/now': { payload: NoPayload, reply: NoReply },
  /** The user asked Clyde to read the page in this tab (a site without its own reader). */
  'page/read': { payload: OnTab, reply: ReadPageReply },
  /** The open email in the tab's page, as the user logs it: the selected text and the messages' dates; never the body. */
  'page/email': { payload: OnTab, reply: EmailReply },
  /** The tab's tag/attribute skeleton (no text, no personal values) for a bug report; absent where Clyde cannot inspect the page. */
  'page/skeleton': { payload: OnTab, reply: z.optional(SkeletonReply) },
  /**
   * The person the panel shows among the page's people in tab `tabId` (`keyOf`); null for the
   * first. The context menu adds a selection to the same person.
   */
  'panel/picked': { payload: z.strictObject({ tabId: TabId, key: z.nullable(z.string().check(z.maxLength(2048))) }), reply: NoReply },
};
export type PanelCall = keyof typeof PanelCalls;
export type PanelPayload<K extends PanelCall> = z.infer<(typeof PanelCalls)[K]['payload']>;
export type PanelReply<K extends PanelCall> = z.infer<(typeof PanelCalls)[K]['reply']>;
/** A request as the background reads it off the wire: its type and its validated payload. */
export type PanelRequest = { [K in PanelCall]: { type: K; payload: PanelPayload<K> } }[PanelCall];

/** The wire form of a panel request. */
export function panelMessage<K extends PanelCall>(type: K, payload: PanelPayload<K>): Record<string, unknown> {
  return { ...payload, type };
}

/**
 * A panel request read off the wire, or undefined when its type is unknown or its payload fails
 * the type's schema (strict: an unexpected field fails too). The receiver drops those.
 */
export function readPanelMessage(raw: unknown): PanelRequest | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, ...payload } = raw as Record<string, unknown>;
  // Own keys only: `toString` is no request.
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(PanelCalls, type)) return undefined;
  const parsed = PanelCalls[type as PanelCall].payload.safeParse(payload);
  return parsed.success ? ({ type, payload: parsed.data } as PanelRequest) : undefined;
}

export type ContentMessage = z.infer<typeof ContentMessage>;
export type PageContextMessage = Extract<ContentMessage, { type: 'page/context' }>;
export type EmailReply = z.infer<typeof EmailReply>;
