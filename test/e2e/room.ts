/**
 * Geometry of the panel beside webmail, for the Chromium (Playwright) and Firefox (Puppeteer)
 * specs alike: both pages evaluate a function with one argument.
 */
export interface Evaluates {
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
}

/** What a user needs at the right edge of a thread: sender, date, Reply and the like, and the site's own side bar. */
export const HEADERS = {
  gmail: ['.gD', '.g3', '[aria-label=Reply]', '[aria-label=More]', '[role=complementary]'],
  outlook: [
    '.OZZZK',
    '[data-testid=SentReceivedSavedTime] span',
    '[aria-label=Reply]',
    '[aria-label="Reply all"]',
    '[aria-label=Forward]',
    '[aria-label="More actions"]',
    '#RightRail',
  ],
};

/** The panel's left edge: where, going left from the window's right edge mid-height, the page shows again. */
export function panelLeft(page: Evaluates): Promise<number> {
  return page.evaluate(() => {
    const host = [...document.documentElement.children].find((el) => el !== document.head && el !== document.body);
    const y = Math.round(innerHeight / 2);
    let x = innerWidth - 1;
    while (x >= 0 && document.elementFromPoint(x, y) === host) x--;
    return x + 1;
  }, undefined);
}

/**
 * How many of `selectors` match a visible element, and the elements of theirs that reach under
 * the panel (right of its left edge).
 */
export async function coveredHeader(page: Evaluates, selectors: string[]): Promise<{ found: number; covered: string[] }> {
  const left = await panelLeft(page);
  return page.evaluate(
    ({ selectors, left }) => {
      const visible = (el: Element) => el.getBoundingClientRect().width > 0;
      const found = selectors.filter((s) => [...document.querySelectorAll(s)].some(visible)).length;
      const covered = [...document.querySelectorAll(selectors.join(','))]
        .filter((el) => visible(el) && el.getBoundingClientRect().right > left)
        .map((el) => `${el.outerHTML.slice(0, 60)} ends at ${Math.round(el.getBoundingClientRect().right)}`);
      return { found, covered };
    },
    { selectors, left },
  );
}
