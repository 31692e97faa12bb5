import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, panelFrame, serve, type Clyde } from './browser';
import { gmailDark } from './gmail-dark';
import { fixture } from './fixtures';
import { openMail, shownName, type } from './panel';
import { navigateInApp } from '../support/in-app-navigation';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

describe('Gmail', () => {
  it('shows the correspondent of the open thread, most relevant first, and switches with one click', async () => {
    const f = fixture('gmail', 'thread-cc');
    const { page, panel } = await openMail(clyde, f);
    expect(await shownName(panel)).toBe('Bruno Costa');
    const chips = panel.getByRole('navigation', { name: 'People in this conversation' }).getByRole('button');
    expect(await chips.allTextContents()).toEqual(['Bruno Costa', 'Ana Lima', 'Eduardo Pires', 'Carla Mendes']);
    await chips.nth(1).click();
    await expect.poll(() => shownName(panel)).toBe('Ana Lima');
    expect(await panel.getByText('ana.lima@example.com').count()).toBe(1);
    await page.close();
  });

  it('shows the panel when the page is slow to reach its <body>, in the dark theme the page then shows', async () => {
    // Gmail's <head> holds scripts: the content script (document start) may mount the frame before there is a body.
    const f = gmailDark();
    const html = f.html.replace(/<head([^>]*)>/, '<head$1><script src="/slow.js"></script>');
    await serve(clyde.context, 'https://mail.google.com', () => html);
    await clyde.context.route('https://mail.google.com/slow.js', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    });
    try {
      const page = await clyde.context.newPage();
      await page.goto(f.url);
      const panel = await panelFrame(page, clyde.extensionId);
      expect(await shownName(panel)).toBe('Bruno Costa');
      await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await page.close();
    } finally {
      await clyde.context.unroute('https://mail.google.com/slow.js');
    }
  });

  it('keeps a note, a fact and a task across a reload, and edits them in place', async () => {
    const f = fixture('gmail', 'thread-cc');
    const { page, panel } = await openMail(clyde, f);
    await type(panel, 'First note', 'Met at the spring fair');
    await panel.getByTestId('person').waitFor();
    await type(panel, 'Add something to remember', 'order: grain in two bags');
    await panel.getByLabel('Due date').fill('2031-01-15');
    await type(panel, 'Add a task', 'Send the new price list');
    // Reloading while the task's write is still in flight would abort it: wait until it shows.
    await panel.getByTestId('task').filter({ hasText: 'Send the new price list' }).waitFor();
    await panel.getByTestId('fact').filter({ hasText: 'order: grain in two bags' }).waitFor();

    await page.reload();
    const again = await (await import('./browser')).panelFrame(page, clyde.extensionId);
    await again.getByTestId('note').first().waitFor();
    expect(await again.getByTestId('note').allTextContents()).toEqual([expect.stringContaining('Met at the spring fair')]);
    // Each section reads on its own: the notes showing says nothing about the tasks having loaded.
    await expect.poll(() => again.getByTestId('fact').allTextContents()).toEqual([expect.stringContaining('order: grain in two bags')]);
    await expect
      .poll(() => again.getByTestId('task').allTextContents())
      .toEqual([expect.stringMatching(/Send the new price list.*due Jan 15, 2031/)]);

    await again.getByRole('button', { name: 'Edit note' }).click();
    await type(again, 'Edit note', 'Met at the spring fair with her partner');
    await expect.poll(() => again.getByTestId('note').allTextContents()).toEqual([expect.stringContaining('with her partner')]);
    await again.getByRole('checkbox', { name: 'Done: Send the new price list' }).click();
    await expect.poll(() => again.getByTestId('task').count()).toBe(0);
    await again.getByRole('button', { name: 'Delete fact' }).click();
    await expect.poll(() => again.getByTestId('fact').count()).toBe(0);
    await page.close();
  });

  it('follows in-app navigation to another thread', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    await navigateInApp(page, fixture('gmail', 'stale-view'));
    await expect.poll(() => shownName(panel)).toBe('Gabriela Souza');
    await page.close();
  });

  it('shows the recipient while composing', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'compose-chips'));
    expect(await shownName(panel)).toBe('Ana Lima');
    await page.close();
  });

  it.each(['settings', 'inbox-list', 'compose-empty'])('says "no one here" on a page with nobody to show (%s)', async (name) => {
    const { page, panel } = await openMail(clyde, fixture('gmail', name));
    await panel.getByTestId('no-one').waitFor();
    expect(await panel.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('collapses to a small tab that stays collapsed and covers none of Gmail’s controls', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    await panel.getByTestId('person-name').waitFor();
    expect(await coveredBox(page)).toMatchObject({ right: 1400, top: 0, bottom: 900 });
    // The host's buttons live in a closed shadow root: reach them as a user does, by position.
    await page.mouse.click(1400 - 10 - 14, 10 + 14);
    await page.reload();
    // The host goes onto <html> only once the stored layout has been read and drawn.
    await page.waitForFunction(() => [...document.documentElement.children].some((el) => el !== document.head && el !== document.body));
    const tab = await coveredBox(page);
    expect(tab.right - tab.left).toBeLessThan(40);
    expect(tab.bottom - tab.top).toBeLessThan(120);
    const hits = await page.evaluate((box) => {
      const controls = [...document.querySelectorAll('a, button, input, [role=button], [role=link], [role=complementary] *')];
      return controls
        .filter((c) => {
          const r = c.getBoundingClientRect();
          return r.width > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
        })
        .map((c) => c.outerHTML.slice(0, 80));
    }, tab);
    expect(hits).toEqual([]);
    await page.mouse.click(tab.left + 5, tab.top + 20);
    await expect.poll(() => coveredBox(page)).toMatchObject({ top: 0, bottom: 900 });
    await page.close();
  });
});

/** The box of viewport points where Clyde's host element is the topmost element, sampled every 4 px. */
function coveredBox(page: import('playwright-core').Page) {
  return page.evaluate(() => {
    const host = [...document.documentElement.children].find((el) => el !== document.head && el !== document.body);
    const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    for (let x = innerWidth - 4; x >= innerWidth - 700; x -= 4) {
      for (let y = 0; y < innerHeight; y += 4) {
        if (document.elementFromPoint(x, y) !== host) continue;
        box.left = Math.min(box.left, x);
        box.right = Math.max(box.right, x + 4);
        box.top = Math.min(box.top, y);
        box.bottom = Math.max(box.bottom, y + 4);
      }
    }
    return box;
  });
}
