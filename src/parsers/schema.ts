import * as z from 'zod/mini';

/**
 * What a parser reads off a page. Everything here came from a page we do not control, so each
 * field is bounded and the whole object is validated wherever it crosses a boundary.
 *
 * zod/mini rather than zod: this schema ships in the content script, which runs on every
 * webmail page load, and the tree-shakable build keeps that script small.
 */

export const MAX_NAME = 200;
export const MAX_TEXT = 500;
export const MAX_PEOPLE = 50;
/** A page's censored copy for a diagnostic (skeleton.ts); defined here, apart from the vocabulary it needs, for the protocol. */
export const MAX_SKELETON = 2_000_000;

const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

/** Only https links survive; `javascript:`, `data:` and the like are dropped by the parsers. */
const httpsUrl = z.string().check(
  z.maxLength(2048),
  z.refine((s) => URL.canParse(s) && new URL(s).protocol === 'https:', 'must be an https URL'),
);

const RoleSchema = z.enum(['from', 'to', 'cc', 'profile']);

const CorrespondentSchema = z
  .strictObject({
    name: z.optional(text(1, MAX_NAME * 4)), // 200 graphemes can take 4 code units each
    email: z.optional(text(3, 254)),
    handle: z.optional(text(1, 64)),
    profileUrl: z.optional(httpsUrl),
    role: RoleSchema,
    headline: z.optional(text(0, MAX_TEXT)),
    company: z.optional(text(0, MAX_TEXT)),
    location: z.optional(text(0, MAX_TEXT)),
    avatarUrl: z.optional(httpsUrl),
  })
  .check(z.refine((c) => Boolean(c.email || c.handle || c.profileUrl), 'a correspondent needs an email, handle or profile URL'));

export const PageContextSchema = z.strictObject({
  site: text(1, 32),
  view: z.enum(['thread', 'compose', 'profile', 'list']),
  people: z.array(CorrespondentSchema).check(z.maxLength(MAX_PEOPLE)),
  self: z.optional(z.strictObject({ email: z.optional(text(0, 254)), handle: z.optional(text(0, 64)) })),
  thread: z.optional(z.strictObject({ id: z.optional(text(0, 200)), subject: z.optional(text(0, MAX_TEXT * 2)) })),
  url: text(0, 4096),
  /**
   * The URL says this view shows someone (a Gmail thread, a LinkedIn profile) but the parser read
   * nobody: most likely the site changed its layout. `people` then holds at most who the URL alone
   * names (a LinkedIn slug, an X handle); the panel says Clyde could not read the page and offers
   * search and a diagnostic.
   */
  unread: z.optional(z.literal(true)),
});

export type Role = z.infer<typeof RoleSchema>;
export type Correspondent = z.infer<typeof CorrespondentSchema>;

/** What to call a correspondent: their name, else the address or handle they were read by. */
export const displayName = (c: Pick<Correspondent, 'name' | 'email' | 'handle'>): string | undefined => c.name ?? c.email ?? c.handle;
export type PageContext = z.infer<typeof PageContextSchema>;

/** One site's reader. `parse` is pure and total: it returns null rather than throwing. */
export interface SiteParser {
  /** Equals the parser's folder name. */
  id: string;
  /** WebExtension match patterns of the pages this parser reads. */
  matches: string[];
  parse(doc: Document, url: URL): PageContext | null;
}
