/**
 * Generic page selectors: published standards rather than one site's markup, so there are no
 * layouts to date. Used only when the user asks Clyde to read a page no site parser covers.
 */

/** schema.org microdata items that are people (`http://` or `https://`, possibly among several types). */
export const MICRODATA_ITEM = '[itemscope][itemtype]';
const PERSON_TYPE = /(?:^|\s)https?:\/\/schema\.org\/Person(?:\s|$)/;
export const isPersonItem = (el: Element): boolean => PERSON_TYPE.test(el.getAttribute('itemtype') ?? '');
export const ITEMPROP = '[itemprop]';

/** microformats2 h-card (microformats.org/wiki/h-card). */
export const H_CARD = '.h-card';
export const H_CARD_PROPERTY = '[class*="p-"], [class*="u-"], [class*="dt-"], [class*="e-"]';
export const H_NAME = '.p-name';
export const H_EMAIL = '.u-email';
export const H_URL = '.u-url, .u-uid';
export const H_ORG = '.p-org';
export const H_HEADLINE = ['.p-job-title', '.p-role', '.p-note'];
export const H_LOCATION = ['.p-label', '.p-adr', '.p-locality', '.p-region', '.p-country-name'];

/** Open Graph profile (ogp.me `og:type=profile`). */
export const OG_TYPE = 'meta[property="og:type"]';
export const OG_URL = 'meta[property="og:url"]';
export const OG_TITLE = 'meta[property="og:title"]';
export const OG_FIRST_NAME = 'meta[property="profile:first_name"]';
export const OG_LAST_NAME = 'meta[property="profile:last_name"]';
export const OG_USERNAME = 'meta[property="profile:username"]';

export const MAILTO = 'a[href^="mailto:" i]';
