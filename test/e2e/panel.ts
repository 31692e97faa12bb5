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

export async function type(panel: Frame, label: string, text: string): Promise<void> {
  const field = panel.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Enter');
}

/** Clyde's side panel page in a window of its own: like the side panel, it shows the active tab of the last focused browser window. */
export async function openSidePanel(clyde: Clyde): Promise<Page> {
  const opened = clyde.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/sidepanel.html'), timeout: 10_000 });
  await clyde.context.serviceWorkers()[0]!.evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } };
    return chrome.windows.create({ url: 'sidepanel.html', type: 'popup', focused: false });
  });
  const panel = await opened;
  await panel.waitForLoadState('domcontentloaded');
  return panel;
}
