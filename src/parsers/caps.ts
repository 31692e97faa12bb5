import type { PageContext } from './schema';

/**
 * How long each field of a page context may be, and how many people it may name: the bounds
 * security.md §12 sets on what a parser reads off a page we do not control. PageContextSchema is
 * built from these; the content scripts check them with `withinCaps` and nothing else, because
 * zod, which checks the rest (strict keys, roles, https links), would be more than a third of a
 * content script's gzipped bytes. The background checks every context against the schema as it
 * receives it (page-sender.ts), and the parsers' property tests hold every output to it.
 */
export const MAX_NAME = 200;
export const MAX_TEXT = 500;
export const MAX_PEOPLE = 50;

/**
 * In code units, for every string field there is: a string under a name missing here fails. A name
 * may hold 200 graphemes of up to 4 code units each; `role` and `view` are enums, capped at their
 * longest value.
 */
export const PERSON_CAPS = {
  name: MAX_NAME * 4,
  email: 254,
  handle: 64,
  profileUrl: 2048,
  headline: MAX_TEXT,
  company: MAX_TEXT,
  location: MAX_TEXT,
  avatarUrl: 2048,
  role: 7,
};
export const SELF_CAPS = { email: 254, handle: 64 };
export const THREAD_CAPS = { id: 200, subject: MAX_TEXT * 2 };
export const PAGE_CAPS = { site: 32, url: 4096, view: 7 };

/** Every string of `fields` is one `caps` names, no longer than its cap. */
const fits = (fields: object | undefined, caps: Record<string, number>) =>
  Object.entries(fields ?? {}).every(([key, value]) => typeof value !== 'string' || value.length <= (caps[key] ?? -1));

/** Whether a context keeps to the caps: what a content script checks before it sends one. */
export function withinCaps(ctx: PageContext): boolean {
  return (
    ctx.people.length <= MAX_PEOPLE &&
    fits(ctx, PAGE_CAPS) &&
    fits(ctx.self, SELF_CAPS) &&
    fits(ctx.thread, THREAD_CAPS) &&
    ctx.people.every((person) => fits(person, PERSON_CAPS))
  );
}
