import { visibility } from '../dom';
import { finalize, pageUrl, total } from '../finalize';
import { LINKEDIN_MATCHES } from '../hosts';
import { profileOf } from '../profile';
import type { Correspondent, PageContext, SiteParser } from '../schema';
import { canonicalUrl, isMemberId, routeOf, type Route } from './route';
import { fromJsonLd, fromMeta, fromVoyager } from './structured';
import { contactInfoRoute, findTopCard, readCompanyCard, readPersonCard } from './top-card';

/** LinkedIn sets `aria-hidden` on the whole page behind an overlay it opens, so it hides nothing here. */
const IGNORE_ARIA_HIDDEN = true;

/**
 * The profile the page shows. The URL slug decides who it is: LinkedIn is a single-page app, so
 * the DOM and the embedded JSON can still describe the previous profile (or the viewer) for a
 * while. The top card is read only if its "Contact info" link names the same slug, and JSON only
 * if it names the slug. Name and photo come from structured data first; headline, company and
 * location from what the card shows, structured data filling the gaps. The viewer (nav photo,
 * "Me" menu) and the "People also viewed" rail are outside the card and never read. `aria-hidden`
 * does not hide the card: LinkedIn sets it on the whole page behind an overlay.
 */
function person(doc: Document, url: URL, route: Route): Correspondent | undefined {
  const isVisible = visibility(IGNORE_ARIA_HIDDEN);
  const top = findTopCard(doc, isVisible);
  const shown = top && contactInfoRoute(top, url);
  // A member-id URL (`/in/ACoAA…`) is shown before LinkedIn swaps in the vanity slug; the card knows it.
  const entity = isMemberId(route.slug) && shown?.kind === 'in' && !isMemberId(shown.slug) ? shown : route;
  const stale = shown !== undefined && isMemberId(shown.slug) === isMemberId(entity.slug) && shown.slug !== entity.slug;
  const card = top && !stale ? readPersonCard(top, isVisible, url) : undefined;
  const jsonLd = fromJsonLd(doc, entity, url);
  const meta = fromMeta(doc, entity, url);
  const voyager = fromVoyager(doc, entity, url);
  return profileOf({
    profileUrl: canonicalUrl(entity),
    name: [jsonLd.name, voyager.name, meta.name, card?.name],
    headline: [card?.headline, voyager.headline, jsonLd.headline],
    company: [card?.company, jsonLd.company],
    location: [card?.location, voyager.location, jsonLd.location],
    avatarUrl: [jsonLd.avatarUrl, meta.avatarUrl, voyager.avatarUrl, card?.avatarUrl],
  });
}

/**
 * A company page, reported as one profile: name = the organisation's name, profileUrl = its
 * canonical `/company/<slug>` URL, headline = tagline, location = headquarters, avatar = logo.
 * `company` stays empty: the entity is the company, not someone working there.
 */
function company(doc: Document, url: URL, route: Route): Correspondent | undefined {
  const isVisible = visibility(IGNORE_ARIA_HIDDEN);
  const top = findTopCard(doc, isVisible);
  const card = top ? readCompanyCard(top, isVisible, url) : undefined;
  const jsonLd = fromJsonLd(doc, route, url);
  return profileOf({
    profileUrl: canonicalUrl(route),
    name: [jsonLd.name, card?.name],
    headline: [card?.headline, jsonLd.headline],
    location: jsonLd.location,
    avatarUrl: [jsonLd.avatarUrl, card?.avatarUrl],
  });
}

/**
 * LinkedIn (www and country hosts), logged in or out. Person profiles (`/in/<slug>`, including
 * overlays and detail pages over them) and company pages (`/company/<slug>`) → 'profile' with
 * one correspondent; every other page (feed, search, jobs, messaging) → null. When no source
 * on the page names the entity, the URL still identifies it (so it can be clipped), but the
 * context is `unread`: the page itself was not read, most likely because LinkedIn changed it.
 */
function read(doc: Document, url: URL): PageContext | null {
  const route = routeOf(url);
  if (!route) return null;
  const found = route.kind === 'in' ? person(doc, url, route) : company(doc, url, route);
  const people = found ? [found] : [];
  return finalize({ site: 'linkedin', view: 'profile', people, url: pageUrl(url), ...(!found?.name && { unread: true }) });
}

export const linkedin: SiteParser = { id: 'linkedin', matches: LINKEDIN_MATCHES, parse: total(read) };
