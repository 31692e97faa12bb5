import { hasType, isObject, JSON_LD, jsonBlocks, jsonObjects, jsonText, jsonUrl, type JsonObject } from '../json-ld';
import type { ProfileFields } from '../profile';
import { httpsUrl } from '../url';

const joined = (...parts: (string | undefined)[]) => parts.filter((p) => p?.trim()).join(', ') || undefined;

function locationOf(node: JsonObject): string | undefined {
  const place = node['address'] ?? node['homeLocation'];
  if (!isObject(place)) return jsonText(place);
  const address = isObject(place['address']) ? place['address'] : place; // a Place with a PostalAddress
  const local = joined(jsonText(address['addressLocality']), jsonText(address['addressRegion']), jsonText(address['addressCountry']));
  return local ?? jsonText(place);
}

function fieldsOf(node: JsonObject, base: URL): ProfileFields {
  const given = [jsonText(node['givenName']), jsonText(node['familyName'])].filter(Boolean).join(' ');
  return {
    name: [jsonText(node['name']), given, jsonText(node['alternateName'])],
    email: jsonText(node['email']),
    profileUrl: httpsUrl(jsonUrl(node['url']), base),
    headline: [jsonText(node['jobTitle']), jsonText(node['description'])],
    company: jsonText(node['worksFor'] ?? node['affiliation']),
    location: locationOf(node),
  };
}

/**
 * schema.org `Person`s in the page's JSON-LD: a `ProfilePage`'s `mainEntity` first (the page is
 * about them), then the others breadth first (top-level before nested, e.g. an article's author).
 */
export function fromJsonLd(doc: Document, base: URL): ProfileFields[] {
  const nodes = jsonObjects(jsonBlocks(doc, JSON_LD));
  const main = nodes
    .filter((n) => hasType(n, 'ProfilePage'))
    .map((n) => n['mainEntity'])
    .filter(isObject);
  const people = [...main, ...nodes].filter((n) => hasType(n, 'Person'));
  return Array.from(new Set(people), (n) => fieldsOf(n, base));
}
