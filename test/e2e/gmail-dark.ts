import { fixture, type Fixture } from './fixtures';

/**
 * The Gmail thread fixture (src/parsers/gmail/fixtures/…-thread-cc.html) as Gmail's dark theme
 * draws it: the same page, served at the same URL, with Gmail's dark colours laid over its light
 * ones, the way Gmail itself switches theme (a stylesheet, not new markup).
 *
 * Where the colours come from: no live Gmail is reachable from the test machine, so these are not
 * a capture. They are Google's dark palette as Gmail's dark theme uses it: #202124 (Google grey
 * 900) behind the mail and #e8eaed (grey 200) for text, the values Gmail-reading extensions test
 * for to tell Gmail's dark theme (e.g. "Gmail Labels as Tabs", theme.ts: `rgb(32, 33, 36)` —
 * "Standard Gmail dark"); and the Material 3 dark surfaces Google's current UI ships in its own
 * stylesheets (#1f1f1f, #303030 for fields, #e3e3e3 text, #a8c7fa links).
 */
export const GMAIL_DARK_CSS = `
  body { color: #e3e3e3; background: #1f1f1f; }
  header input { background: #303030; color: #e3e3e3; }
  .bkK { background: #202124; color: #e8eaed; }
  tr.zA td { border-bottom-color: #3c4043; }
  .adn { border-bottom-color: #3c4043; }
  a { color: #a8c7fa; }
  .dw { background: #202124; }
  .afV, .vR { background: #3c4043; }
`;

export function gmailDark(name = 'thread-cc'): Fixture {
  const light = fixture('gmail', name);
  if (!light.html.includes('</style>')) throw new Error(`The Gmail fixture ${name} has no stylesheet to darken`);
  return { ...light, html: light.html.replace('</style>', `</style>\n  <style id="gmail-dark">${GMAIL_DARK_CSS}</style>`) };
}
