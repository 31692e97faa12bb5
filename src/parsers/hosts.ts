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
