import { attr, firstVisible, visibleText, type IsVisible } from '../dom';
import { firstVisibleQuick, pickFirst } from '../pick';
import { httpsUrl } from '../url';
import { routeOfHref, type Route } from './route';
import {
  AVATAR,
  CARD_OF_HEADING,
  COMPANY_LOGO,
  COMPANY_TAGLINE,
  CONTACT_INFO,
  CURRENT_COMPANY,
  CURRENT_COMPANY_LOGGED_OUT,
  CURRENT_COMPANY_PREFIX,
  GHOST_AVATAR,
  HEADLINE,
  IMAGE_HOSTS,
  LOCATION,
  MAIN,
  NAME_FALLBACK,
  NAME_HEADING,
  NOT_HEADLINE_OR_DUPLICATE,
  NOT_PROFILE,
  SDUI_NAME_HEADING,
  SDUI_TOP_CARD,
  SHORTCUT_ICON,
  TOP_CARD,
} from './selectors';

/** Parts of the card read by selector, found in one scan of the card. */
const CARD_PARTS = {
  headline: HEADLINE,
  location: LOCATION,
  contactInfo: [CONTACT_INFO],
  company: [CURRENT_COMPANY],
  companyLoggedOut: [CURRENT_COMPANY_LOGGED_OUT],
  shortcutIcon: [SHORTCUT_ICON],
  tagline: COMPANY_TAGLINE,
} as const;
type CardParts = Partial<Record<keyof typeof CARD_PARTS, Element>>;

/** The visible card that introduces the entity, the heading that names it, and its parts. */
export interface TopCard {
  card: Element;
  heading?: Element;
  parts: CardParts;
}

/** Elements looked at after the heading when finding the headline by position; bounds huge cards. */
const MAX_SCANNED = 300;
/** Headings considered in `main`: a profile has one; a hostile page may have thousands. */
const MAX_HEADINGS = 50;
/** Text that sits beside the name but is not a headline: "· 1st", "1st degree connection", pronouns "(She/Her)". */
const BESIDE_NAME = /^(?:[·•|]|\(.{0,40}\)$|\d+(?:st|nd|rd|th)\+?(?:\s|$))/u;
const SEPARATORS = /^[\s·•|,]+|[\s·•|,]+$/gu;

/** A card found, with its parts read in one scan of it. */
const topCardOf = (card: Element, heading: Element | undefined, isVisible: IsVisible): TopCard => ({
  card,
  heading,
  parts: pickFirst(card, CARD_PARTS, isVisible),
});

/**
 * The top card: the 2026 server-driven one by its component key, else found from its heading: the
 * first visible `h1` of `main` inside a 2024 top card (by attribute or class), else the first one
 * outside the nav and the "People also viewed" rail, whose section is the card (2025 hashed
 * markup). Starting from the headings keeps this to one cheap scan of a large page; the class
 * selectors are only run over the whole of `main` when it has no heading at all.
 */
export function findTopCard(doc: Document, isVisible: IsVisible): TopCard | undefined {
  const sdui = doc.querySelector(SDUI_TOP_CARD);
  if (sdui && isVisible(sdui)) {
    const heading = Array.from(sdui.querySelectorAll(SDUI_NAME_HEADING)).find(isVisible);
    return topCardOf(sdui, heading, isVisible);
  }
  const main = firstVisibleQuick(doc, MAIN, isVisible);
  if (!main) return undefined;
  const cardSelector = TOP_CARD.join(',');
  const headings = Array.from(main.querySelectorAll(NAME_HEADING))
    .slice(0, MAX_HEADINGS)
    .filter((h) => isVisible(h) && !h.closest(NOT_PROFILE));
  const inCard = headings.find((h) => h.closest(cardSelector));
  const heading = inCard ?? headings[0];
  const card = heading
    ? (heading.closest(cardSelector) ?? heading.closest(CARD_OF_HEADING) ?? heading.parentElement)
    : pickFirst(main, { card: TOP_CARD }, isVisible).card;
  return card ? topCardOf(card, heading, isVisible) : undefined;
}

/** The slug the card's "Contact info" link names; differs from the URL's while a new profile renders. */
export function contactInfoRoute(top: TopCard, base: URL): Route | undefined {
  return routeOfHref(attr(top.parts.contactInfo, 'href'), base);
}

function nameOf({ card, heading }: TopCard, isVisible: IsVisible): string | undefined {
  const text = heading && visibleText(heading);
  if (text?.trim()) return text;
  for (const [selector, kind] of NAME_FALLBACK) {
    const el = firstVisible(card, [selector], isVisible);
    const value = kind === 'alt' ? attr(el, 'alt') : attr(el, 'aria-label')?.replace(/^Invite (.*) to connect$/s, '$1');
    if (value?.trim()) return value;
  }
  return undefined;
}

/** The location: the 2024 class, else the text that shares a line with the "Contact info" link. */
function locationOf({ card, parts }: TopCard): { text?: string; block?: Element } {
  if (parts.location) return { text: visibleText(parts.location), block: parts.location };
  const link = parts.contactInfo;
  const linkText = link ? visibleText(link) : '';
  for (let block = link?.parentElement, up = 0; block && block !== card && up < 3; block = block.parentElement, up += 1) {
    const all = visibleText(block);
    const at = all.lastIndexOf(linkText);
    const text = (at >= 0 ? all.slice(0, at) + all.slice(at + linkText.length) : all).replace(SEPARATORS, '');
    if (text) return { text, block };
  }
  return {};
}

/** Own text nodes of an element, the way to tell a text block from a wrapper of blocks. */
function ownText(el: Element): string {
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) text += child.nodeValue ?? '';
  return text.trim();
}

/** Elements after `start` (not inside it) and inside `root`, in document order; lazy and iterative. */
function* following(start: Element, root: Element): Generator<Element> {
  const nextOutside = (el: Element): Element | null => {
    for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
      if (node.nextElementSibling) return node.nextElementSibling;
    }
    return null;
  };
  for (let node = nextOutside(start); node; node = node.firstElementChild ?? nextOutside(node)) yield node;
}

/**
 * The headline: the 2024 class, else (2025–26) the first visible block of text after the name
 * that is not beside the name, not a button, link or shortcut list, and not the location line.
 * Screen-reader duplicates are read once: `visibleText` skips the `aria-hidden` copy.
 */
function headlineOf({ card, heading, parts }: TopCard, isVisible: IsVisible, locationBlock?: Element): string | undefined {
  if (parts.headline) return visibleText(parts.headline);
  if (!heading) return undefined;
  let scanned = 0;
  for (const el of following(heading, card)) {
    if ((scanned += 1) > MAX_SCANNED) break;
    // The screen-reader copy of a dual-text pair is read; its `aria-hidden` visual twin is skipped.
    const control = el.closest(NOT_HEADLINE_OR_DUPLICATE);
    if ((control && card.contains(control)) || locationBlock?.contains(el) || !isVisible(el)) continue;
    const own = ownText(el);
    if (own && !BESIDE_NAME.test(own)) return visibleText(el);
  }
  return undefined;
}

function companyOf({ parts }: TopCard): string | undefined {
  const label = attr(parts.company, 'aria-label');
  if (label) return label.slice(CURRENT_COMPANY_PREFIX.length).replace(/\.\s*Click to skip[\s\S]*$/, '');
  const shortcut = parts.shortcutIcon?.closest('[role=button]');
  return (parts.companyLoggedOut && visibleText(parts.companyLoggedOut)) || (shortcut ? visibleText(shortcut) : undefined);
}

/** The photo: a known image element on LinkedIn's media host, never a "ghost" placeholder. */
function avatarOf(card: Element, selectors: readonly string[], isVisible: IsVisible, base: URL): string | undefined {
  const images = Array.from(card.querySelectorAll(selectors.join(',')));
  for (const selector of selectors) {
    for (const img of images) {
      if (!img.matches(selector) || !isVisible(img) || img.matches(GHOST_AVATAR)) continue;
      const url = httpsUrl(attr(img, 'src'), base, IMAGE_HOSTS);
      if (url) return url;
    }
  }
  return undefined;
}

/** A person's top card as raw text; `profileOf` cleans and bounds it. */
export function readPersonCard(top: TopCard, isVisible: IsVisible, base: URL) {
  const location = locationOf(top);
  return {
    name: nameOf(top, isVisible),
    headline: headlineOf(top, isVisible, location.block),
    company: companyOf(top),
    location: location.text,
    avatarUrl: avatarOf(top.card, AVATAR, isVisible, base),
  };
}

/** A company's top card: name, tagline (2024 classes only: 2025–26 markup has no hook for it), logo. */
export function readCompanyCard(top: TopCard, isVisible: IsVisible, base: URL) {
  const { tagline } = top.parts;
  return {
    name: nameOf(top, isVisible),
    headline: tagline && visibleText(tagline),
    avatarUrl: avatarOf(top.card, COMPANY_LOGO, isVisible, base),
  };
}
