/**
 * How a single-page site moves to another view without loading a document:
 * - `hash` (Gmail, Outlook): the new view is swapped in place, then only the hash changes;
 * - `history` (LinkedIn, X): the URL changes first with the History API, the view renders later.
 */
export type InAppNavigation = 'hash' | 'history';

type Move = { html: string; url: string; via: InAppNavigation };
/** A Playwright page (Chromium) or a Puppeteer one (Firefox): all this needs is to run a function in it. */
type InPage = { evaluate(run: (move: Move) => Promise<number>, move: Move): Promise<number> };

/**
 * Page object for in-app navigation: replaces the page's view with `to`'s HTML the way the site
 * does. The HTML goes through a Trusted Types policy named `dompurify` where the browser has
 * Trusted Types: LinkedIn's pages require them for HTML, and its policy list allows that name.
 * Resolves to the page's high-resolution time at which the new view was on screen.
 */
export async function navigateInApp(page: InPage, to: { html: string; url: string }, via: InAppNavigation = 'hash'): Promise<number> {
  return page.evaluate(
    async ({ html, url, via }) => {
      if (via === 'history') {
        history.pushState({}, '', url);
        // The site's own delay between the URL changing and the profile rendering.
        await new Promise((r) => setTimeout(r, 150));
      }
      const { trustedTypes } = window as unknown as {
        trustedTypes?: { createPolicy(n: string, p: object): { createHTML(s: string): string } };
      };
      // `String` rather than an arrow: tsx (the benches) would wrap a named arrow in a `__name`
      // helper that does not exist inside the page.
      const policy = trustedTypes?.createPolicy('dompurify', { createHTML: String });
      const next = new DOMParser().parseFromString(policy ? policy.createHTML(html) : html, 'text/html');
      document.title = next.title;
      document.body.replaceChildren(...Array.from(next.body.childNodes).map((n) => document.importNode(n, true)));
      if (via === 'hash') location.hash = new URL(url).hash;
      return performance.timeOrigin + performance.now();
    },
    { html: to.html, url: to.url, via },
  );
}
