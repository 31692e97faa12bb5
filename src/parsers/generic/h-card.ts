import { attr, visibleText, type IsVisible } from '../dom';
import type { ProfileFields } from '../profile';
import { httpsUrl } from '../url';
import { H_CARD, H_CARD_PROPERTY, H_EMAIL, H_HEADLINE, H_LOCATION, H_NAME, H_ORG, H_URL, isPersonItem } from './selectors';

const MAX_CARDS = 50;

/**
 * mf2 parsing of `p-*` values, simplified: an embedded h-card (`p-org h-card`) is its name, then
 * `img[alt]`, `abbr[title]`, else text.
 */
function textValue(el: Element): string | undefined {
  const embeddedName = el.matches(H_CARD) ? own(el, H_NAME) : undefined;
  if (embeddedName) return textValue(embeddedName);
  if (el.localName === 'img' || el.localName === 'area') return attr(el, 'alt');
  if (el.localName === 'abbr') return attr(el, 'title') ?? visibleText(el);
  return visibleText(el);
}
/** `u-*` values: the link or image URL, else the text. */
function urlValue(el: Element): string | undefined {
  return attr(el, 'href') ?? attr(el, 'src') ?? textValue(el);
}

/** The card's own property (not one of a nested h-card, such as an h-card inside `p-org`). */
function own(card: Element, selectors: string | readonly string[]): Element | undefined {
  for (const selector of typeof selectors === 'string' ? [selectors] : selectors) {
    const found = Array.from(card.querySelectorAll(selector)).find((el) => el.parentElement?.closest(H_CARD) === card);
    if (found) return found;
  }
  return undefined;
}

/** The implied name (mf2): the card's own text or alt when it has no properties. */
function impliedName(card: Element): string | undefined {
  if (card.querySelector(H_CARD_PROPERTY)) return undefined;
  return textValue(card);
}

/** The implied URL (mf2): a card that is itself a link (`<a class="p-author h-card" href>`) points at its person. */
function impliedUrl(card: Element): string | undefined {
  return card.localName === 'a' || card.localName === 'area' ? attr(card, 'href') : undefined;
}

/** One h-card's fields. Photos are not read: there is no image host to trust on an arbitrary site. */
export function hCardFields(card: Element, base: URL): ProfileFields {
  const name = own(card, H_NAME);
  const email = own(card, H_EMAIL);
  const url = own(card, H_URL);
  const org = own(card, H_ORG);
  const headline = own(card, H_HEADLINE);
  const location = own(card, H_LOCATION);
  return {
    name: name ? textValue(name) : impliedName(card),
    email:
      email &&
      urlValue(email)
        ?.replace(/^mailto:/i, '')
        .split('?')[0],
    profileUrl: httpsUrl(url ? urlValue(url) : impliedUrl(card), base),
    headline: headline && textValue(headline),
    company: org && textValue(org),
    location: location && textValue(location),
  };
}

/**
 * Visible microformats2 h-cards (`.h-card .p-name .u-email .u-url .p-org`), nested ones (an
 * entry's `p-author h-card`) included. A card that is also a schema.org Person item (GitHub's
 * profile sidebar is both) is left to the microdata reader, which merges the two.
 */
export function fromHCards(doc: Document, base: URL, isVisible: IsVisible): ProfileFields[] {
  const cards = Array.from(doc.querySelectorAll(H_CARD)).filter((card) => isVisible(card) && !isPersonItem(card));
  return cards.slice(0, MAX_CARDS).map((card) => hCardFields(card, base));
}
