/**
 * Match patterns of the webmail hosts where Clyde injects its panel. The manifest's content
 * script and its single web-accessible resource are limited to exactly these.
 */
export const GMAIL_MATCHES = ['https://mail.google.com/*'];

export const OUTLOOK_MATCHES = [
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
];

export const PANEL_HOSTS = [...GMAIL_MATCHES, ...OUTLOOK_MATCHES];

/** LinkedIn: www and the country hosts (`br.`, `uk.`…) that serve the same profiles. */
export const LINKEDIN_MATCHES = ['https://www.linkedin.com/*', 'https://*.linkedin.com/*'];

/** X under both names, plus the mobile hosts that still serve the web app. The X parser's routes read these too. */
export const X_MATCHES = ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'];

/** Every page whose content script may report a page context. */
export const SUPPORTED_HOSTS = [...PANEL_HOSTS, ...LINKEDIN_MATCHES, ...X_MATCHES];
