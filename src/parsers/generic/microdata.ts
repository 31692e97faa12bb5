import { attr, visibleText } from '../dom';
import { asList, type ProfileFields } from '../profile';
import { httpsUrl } from '../url';
import { hCardFields } from './h-card';
import { H_CARD, isPersonItem, ITEMPROP, MICRODATA_ITEM } from './selectors';

/** Items and properties read per page: bounds work on hostile pages. */
const MAX_ITEMS = 50;
const MAX_PROPERTIES = 500;

/** Elements whose microdata value is a URL attribute, per the HTML spec's "property value" rules. */
const URL_VALUE: Record<string, string> = {
  a: 'href',
  area: 'href',
  link: 'href',
  img: 'src',
  source: 'src',
  audio: 'src',
  video: 'src',
  iframe: 'src',
  embed: 'src',
  object: 'data',
};

/** A property's value; a nested item (`worksFor` Organization) is read as its `name`. */
function valueOf(el: Element): string | undefined {
  if (el.hasAttribute('itemscope')) {
    const name = Array.from(el.querySelectorAll('[itemprop~="name"]')).find((p) => p.parentElement?.closest('[itemscope]') === el);
    return name ? valueOf(name) : visibleText(el);
  }
  const tag = el.localName;
  if (tag === 'meta') return attr(el, 'content');
  const urlAttr = URL_VALUE[tag];
  if (urlAttr) return attr(el, urlAttr);
  if (tag === 'time') return attr(el, 'datetime') ?? visibleText(el);
  if (tag === 'data' || tag === 'meter') return attr(el, 'value');
  return visibleText(el);
}

/** The item's own properties by name, first value each (nested items' properties are theirs, not its). */
function propertiesOf(item: Element): Map<string, string> {
  const props = new Map<string, string>();
  for (const el of Array.from(item.querySelectorAll(ITEMPROP)).slice(0, MAX_PROPERTIES)) {
    if (el.parentElement?.closest('[itemscope]') !== item) continue;
    const value = valueOf(el);
    for (const name of (attr(el, 'itemprop') ?? '').split(/\s+/)) if (name && value && !props.has(name)) props.set(name, value);
  }
  return props;
}

/**
 * schema.org `Person` microdata, e.g. a GitHub profile: `name`, `additionalName` (username, used
 * as the name only when there is no other), `worksFor`, `homeLocation`, `email`, `url`. When the
 * item is also an h-card (GitHub's is: its bio is only `p-note`), the h-card fills the gaps.
 */
export function fromMicrodata(doc: Document, base: URL): ProfileFields[] {
  const items = Array.from(doc.querySelectorAll(MICRODATA_ITEM)).filter(isPersonItem).slice(0, MAX_ITEMS);
  return items.map((item) => {
    const p = propertiesOf(item);
    const h: ProfileFields = item.matches(H_CARD) ? hCardFields(item, base) : {};
    const given = [p.get('givenName'), p.get('familyName')].filter(Boolean).join(' ');
    return {
      name: [p.get('name'), given, ...asList(h.name), p.get('additionalName')],
      email: [
        p
          .get('email')
          ?.replace(/^mailto:/i, '')
          .split('?')[0],
        ...asList(h.email),
      ],
      profileUrl: httpsUrl(p.get('url'), base) ?? h.profileUrl,
      headline: [p.get('jobTitle'), p.get('description'), ...asList(h.headline)],
      company: [p.get('worksFor') ?? p.get('affiliation'), ...asList(h.company)],
      location: [p.get('homeLocation') ?? p.get('address'), ...asList(h.location)],
    };
  });
}
