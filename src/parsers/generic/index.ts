import { visibility } from '../dom';
import { finalize, pageUrl, total } from '../finalize';
import { asList, profileOf, type ProfileFields } from '../profile';
import type { PageContext, SiteParser } from '../schema';
import { fromHCards } from './h-card';
import { fromJsonLd } from './json-ld';
import { fromMailto } from './mailto';
import { fromMicrodata } from './microdata';
import { fromOpenGraph } from './open-graph';
import { PageProfiles } from './page-profiles';

/**
 * The page's main person with what `og:type=profile` adds: `og:url` is by definition the
 * profile's canonical URL, so it wins over the person's own `url` (which on GitHub is their
 * website); the Open Graph name only fills a missing one.
 */
function withOpenGraph(main: ProfileFields | undefined, og: ProfileFields): ProfileFields {
  if (!main) return og;
  return { ...main, name: [...asList(main.name), ...asList(og.name)], profileUrl: og.profileUrl ?? main.profileUrl };
}

/**
 * Any page, read on request (there are no match patterns: `parsePage` never picks this parser).
 * People in order of relevance: the page's main person (the first structured one, merged with an
 * Open Graph profile), other schema.org Persons (JSON-LD, then microdata), h-cards, then visible
 * `mailto:` links. No avatars: an arbitrary site has no image host Clyde could trust
 * (security.md requirement 11). No handles: storage reads a handle as an X account. Null when the
 * page names nobody.
 */
function read(doc: Document, url: URL): PageContext | null {
  const isVisible = visibility();
  const [main, ...others] = [...fromJsonLd(doc, url), ...fromMicrodata(doc, url), ...fromHCards(doc, url, isVisible)];
  const og = fromOpenGraph(doc, url);
  const structured = og ? [withOpenGraph(main, og), ...others] : [main, ...others];
  const people = new PageProfiles();
  for (const fields of structured) if (fields) people.add(profileOf(fields));
  for (const email of fromMailto(doc, isVisible)) people.add(profileOf({ email }));
  const found = people.people();
  return found.length > 0 ? finalize({ site: 'generic', view: 'profile', people: found, url: pageUrl(url) }) : null;
}

export const generic: SiteParser = { id: 'generic', matches: [], parse: total(read) };
