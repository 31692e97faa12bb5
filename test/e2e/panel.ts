import type { Frame, Page } from 'playwright-core';
import { panelFrame, serve, type Clyde } from './browser';
import type { Fixture } from './fixtures';

/** Page object for a webmail tab with Clyde's panel: the specs read as what a user does. */
export async function openMail(clyde: Clyde, f: Fixture): Promise<{ page: Page; panel: Frame }> {
  await serve(clyde.context, new URL(f.url).origin, () => f.html);
  const page = await clyde.context.newPage();
  await page.goto(f.url);
  return { page, panel: await panelFrame(page, clyde.extensionId) };
}

export async function shownName(panel: Frame): Promise<string> {
  return (await panel.getByTestId('person-name').textContent({ timeout: 10_000 })) ?? '';
}

/**
 * Gmail-style in-app navigation: the view is swapped in place and only the hash changes.
 * Resolves to the page's high-resolution time at which the new view was on screen.
 */
export async function navigateInApp(page: Page, to: Fixture): Promise<number> {
  return page.evaluate(
    ({ html, hash }) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.title = next.title;
      document.body.replaceChildren(...Array.from(next.body.childNodes).map((n) => document.importNode(n, true)));
      location.hash = hash;
      return performance.timeOrigin + performance.now();
    },
    { html: to.html, hash: new URL(to.url).hash },
  );
}

export async function type(panel: Frame, label: string, text: string): Promise<void> {
  const field = panel.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Enter');
}
