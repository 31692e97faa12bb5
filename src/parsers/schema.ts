import * as z from 'zod/mini';
import { MAX_PEOPLE, PAGE_CAPS, PERSON_CAPS, SELF_CAPS, THREAD_CAPS } from './caps';

/**
 * What a parser reads off a page. Everything here came from a page we do not control, so each
 * field is bounded (caps.ts) and the whole object is validated wherever it crosses a boundary:
 * the background as a content script's message arrives, the panel as it reads the stored copy.
 * The content scripts check only the caps (caps.ts says why), and must not import this file.
 *
 * zod/mini rather than zod: the tree-shakable build keeps the panel's and background's bundles small.
 */
/** A page's censored copy for a diagnostic (skeleton.ts); defined here, apart from the vocabulary it needs, for the protocol. */
export const MAX_SKELETON = 2_000_000;

const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));

/** Only https links survive; `javascript:`, `data:` and the like are dropped by the parsers. */
const httpsUrl = z.string().check(
  z.maxLength(PERSON_CAPS.profileUrl),
  z.refine((s) => URL.canParse(s) && new URL(s).protocol === 'https:', 'must be an https URL'),
);

const RoleSchema = z.enum(['from', 'to', 'cc', 'profile']);

const CorrespondentSchema = z
  .strictObject({
    name: z.optional(text(1, PERSON_CAPS.name)),
    email: z.optional(text(3, PERSON_CAPS.email)),
    handle: z.optional(text(1, PERSON_CAPS.handle)),
    profileUrl: z.optional(httpsUrl),
    role: RoleSchema,
    headline: z.optional(text(0, PERSON_CAPS.headline)),
    company: z.optional(text(0, PERSON_CAPS.company)),
    location: z.optional(text(0, PERSON_CAPS.location)),
    avatarUrl: z.optional(httpsUrl),
  })
  .check(z.refine((c) => Boolean(c.email || c.handle || c.profileUrl), 'a correspondent needs an email, handle or profile URL'));

export const PageContextSchema = z.strictObject({
  site: text(1, PAGE_CAPS.site),
  view: z.enum(['thread', 'compose', 'profile', 'list']),
  people: z.array(CorrespondentSchema).check(z.maxLength(MAX_PEOPLE)),
  self: z.optional(z.strictObject({ email: z.optional(text(0, SELF_CAPS.email)), handle: z.optional(text(0, SELF_CAPS.handle)) })),
  thread: z.optional(z.strictObject({ id: z.optional(text(0, THREAD_CAPS.id)), subject: z.optional(text(0, THREAD_CAPS.subject)) })),
  url: text(0, PAGE_CAPS.url),
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
