import type { Locator, Page } from 'playwright-core';
import type { Clyde } from './browser';

/** Page object for Clyde's Home page (home.html), read as a user reads it. */
export async function openHome(clyde: Clyde): Promise<Page> {
  const page = await clyde.context.newPage();
  await page.goto(`chrome-extension://${clyde.extensionId}/home.html`);
  await page.waitForFunction(() => document.querySelectorAll('section').length >= 5 && !document.querySelector('section[aria-busy=true]'));
  return page;
}

export const homeSection = (page: Page, id: 'today' | 'reach-out' | 'at-risk' | 'best' | 'coming-up' | 'team'): Locator =>
  page.getByTestId(`home-${id}`);

/** The item j/k has put the focus on. */
export const focusedItem = (page: Page): Locator => page.locator('[data-row]:focus');

/** Local date as a date input takes it (yyyy-mm-dd), `days` from today. */
export function dateInput(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
