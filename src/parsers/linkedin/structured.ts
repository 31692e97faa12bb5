import { attr } from '../dom';
import { hasType, isObject, JSON_LD, jsonBlocks, jsonObjects, jsonText, jsonUrl, type JsonObject } from '../json-ld';
import { httpsUrl } from '../url';
import { routeOfHref, sameEntity, type Route } from './route';
import { IMAGE_HOSTS, META_FIRST_NAME, META_IMAGE, META_LAST_NAME, META_URL, VOYAGER_JSON } from './selectors';

/** What structured data says about the entity; raw strings, cleaned by `profileOf`. */
export interface Structured {
  name?: string;
  headline?: string;
  company?: string;
  location?: string;
  avatarUrl?: string;
}

const image = (raw: string | undefined, base: URL) => httpsUrl(raw, base, IMAGE_HOSTS);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const joined = (...parts: (string | undefined)[]) => parts.filter((p) => p?.trim()).join(', ') || undefined;

/**
 * Logged-out pages: the JSON-LD `Person` (profiles) or `Organization` (companies) whose `url`
 * names this entity. Other entries of the `@graph` (people also viewed, articles) do not count.
 */
export function fromJsonLd(doc: Document, route: Route, base: URL): Structured {
  const type = route.kind === 'in' ? 'Person' : 'Organization';
  const node = jsonObjects(jsonBlocks(doc, JSON_LD)).find(
    (n) => hasType(n, type) && sameEntity(routeOfHref(jsonUrl(n['url']), base), route),
  );
  if (!node) return {};
  const address = isObject(node['address']) ? node['address'] : {};
  return {
    name: jsonText(node['name']),
    headline: route.kind === 'in' ? jsonText(node['jobTitle']) : jsonText(node['slogan'] ?? node['description']),
    company: route.kind === 'in' ? jsonText(node['worksFor']) : undefined,
    location:
      route.kind === 'in'
        ? jsonText(address['addressLocality'])
        : joined(jsonText(address['addressLocality']), jsonText(address['addressRegion'])),
    avatarUrl: image(jsonUrl(node['image'] ?? node['logo']), base),
  };
}

/** Logged-out `profile:first_name`/`last_name` and `og:image`, when `og:url` (or canonical) is this profile. */
export function fromMeta(doc: Document, route: Route, base: URL): Structured {
  const head = doc.head ?? doc; // meta lives in the head; not scanning the body keeps this cheap on huge pages
  const pageUrl = META_URL.map((s) => head.querySelector(s))
    .map((el) => attr(el, 'content') ?? attr(el, 'href'))
    .find(Boolean);
  if (!sameEntity(routeOfHref(pageUrl, base), route)) return {};
  const first = attr(head.querySelector(META_FIRST_NAME), 'content');
  const last = attr(head.querySelector(META_LAST_NAME), 'content');
  const name = [first, last].filter(Boolean).join(' ');
  return { ...(name && { name }), avatarUrl: image(attr(head.querySelector(META_IMAGE), 'content'), base) };
}

/** The largest rendition of a Voyager `VectorImage` ({rootUrl, artifacts[{width, fileIdentifyingUrlPathSegment}]}). */
function vectorImage(picture: unknown, base: URL): string | undefined {
  const vector = jsonObjects([picture]).find((n) => typeof n['rootUrl'] === 'string' && Array.isArray(n['artifacts']));
  if (!vector) return undefined;
  const artifacts = (vector['artifacts'] as unknown[]).filter(isObject);
  const largest = artifacts.reduce<JsonObject | undefined>(
    (best, a) => (Number(a['width']) > Number(best?.['width'] ?? -1) ? a : best),
    undefined,
  );
  const segment = str(largest?.['fileIdentifyingUrlPathSegment']);
  return segment ? image(`${String(vector['rootUrl'])}${segment}`, base) : undefined;
}

/**
 * Logged in: the Voyager profile entity (`Profile` or `MiniProfile`) whose `publicIdentifier` is
 * this slug. The same JSON also describes the viewer (`/voyager/api/me`) and, after in-app
 * navigation, whoever was open first, so nothing is taken from an entity with another slug.
 */
export function fromVoyager(doc: Document, route: Route, base: URL): Structured {
  if (route.kind !== 'in') return {};
  const node = jsonObjects(jsonBlocks(doc, VOYAGER_JSON)).find(
    (n) => str(n['publicIdentifier'])?.toLowerCase() === route.slug.toLowerCase() && (str(n['firstName']) || str(n['lastName'])),
  );
  if (!node) return {};
  const name = [str(node['firstName']), str(node['lastName'])].filter(Boolean).join(' ');
  return {
    name,
    headline: str(node['headline']) ?? str(node['occupation']),
    location: str(node['locationName']) ?? str(node['geoLocationName']),
    avatarUrl: vectorImage(node['profilePicture'] ?? node['picture'], base),
  };
}
