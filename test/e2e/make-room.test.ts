import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail } from './panel';
import { coveredHeader, HEADERS, panelLeft } from './room';

/**
 * The panel beside webmail narrows the page's own layout instead of covering its right edge,
 * checked by geometry on fixtures laid out as Gmail and Outlook lay out a thread: the header's
 * date and Reply sit at the right edge, the site's side bar beyond them.
 */

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

/** Collapse and open are the host's buttons, in a closed shadow root: reached as a user does, by position. */
const clickCollapse = (page: Page) => page.mouse.click(1400 - 10 - 14, 10 + 14);

describe('the panel makes room', () => {
  it.each([
    ['gmail', 'thread-wide'],
    ['outlook', 'reading-wide'],
  ] as const)('leaves every control of the thread header in view on %s, and gives the room back when collapsed', async (site, name) => {
    const { page, panel } = await openMail(clyde, fixture(site, name));
    await panel.getByTestId('person-name').waitFor();
    const left = await panelLeft(page);
    expect(left).toBeLessThan(1400 - 200);
    await expect.poll(() => page.evaluate(() => document.documentElement.getBoundingClientRect().width)).toBe(left);
    await expect.poll(() => coveredHeader(page, HEADERS[site])).toEqual({ found: HEADERS[site].length, covered: [] });

    await clickCollapse(page);
    await expect.poll(() => page.evaluate(() => document.documentElement.getBoundingClientRect().width)).toBe(1400);
    // Back at full width, the header's right edge lies where the open panel would be.
    const back = await page.evaluate(
      (s) => Math.max(...[...document.querySelectorAll(s)].map((e) => e.getBoundingClientRect().right)),
      HEADERS[site].join(','),
    );
    expect(back).toBeGreaterThan(left);

    // The collapsed tab hangs at 55 % of the window's height at its right edge; opening makes room again.
    await page.mouse.click(1400 - 8, 900 * 0.55 + 20);
    await expect.poll(() => coveredHeader(page, HEADERS[site])).toEqual({ found: HEADERS[site].length, covered: [] });
    await page.close();
  });

  it('follows the width the user drags the panel to', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-wide'));
    await panel.getByTestId('person-name').waitFor();
    const drag = async (from: number, to: number) => {
      // The resize handle is the panel's left 6 px.
      await page.mouse.move(from + 3, 450);
      await page.mouse.down();
      await page.mouse.move(to, 450, { steps: 4 });
      await page.mouse.up();
    };
    const before = await panelLeft(page);
    await drag(before, 1400 - 520);
    await expect.poll(() => panelLeft(page)).toBe(1400 - 520);
    await expect.poll(() => coveredHeader(page, HEADERS.gmail)).toEqual({ found: HEADERS.gmail.length, covered: [] });
    // Gmail sets its top container's width by script to the window's: it is held to the room.
    expect(await page.evaluate(() => document.querySelector('.a4O')!.getBoundingClientRect().right)).toBeLessThanOrEqual(1400 - 520);
    // Narrower again: the page takes the room back. (It also leaves the next test the width it found.)
    await drag(1400 - 520, before);
    await expect.poll(() => page.evaluate(() => document.documentElement.getBoundingClientRect().width)).toBe(before);
    await expect.poll(() => coveredHeader(page, HEADERS.gmail)).toEqual({ found: HEADERS.gmail.length, covered: [] });
    await page.close();
  });

  it('keeps a docked compose window, fixed to the bottom right, beside the panel', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-wide'));
    await panel.getByTestId('person-name').waitFor();
    // Gmail docks a compose window as a `position: fixed` box at the bottom right (`.dw` in the fixture's CSS).
    const right = await page.evaluate(() => {
      const dock = Object.assign(document.createElement('div'), { className: 'dw', textContent: 'New Message' });
      document.body.append(dock);
      return dock.getBoundingClientRect().right;
    });
    expect(right).toBe((await panelLeft(page)) - 72);
    await page.close();
  });

  it('gives the page its layout back when the panel moves to the side panel', async () => {
    const { page, panel } = await openMail(clyde, fixture('outlook', 'reading-wide'));
    await panel.getByTestId('person-name').waitFor();
    const left = await panelLeft(page);
    await expect.poll(() => page.evaluate(() => document.documentElement.getBoundingClientRect().width)).toBe(left);
    const options = await clyde.context.newPage();
    await options.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    await options.getByRole('group', { name: 'Outlook' }).getByRole('radio', { name: "In the browser's side panel" }).check();
    await expect.poll(() => page.evaluate(() => document.documentElement.getBoundingClientRect().width)).toBe(1400);
    expect(await page.evaluate(() => getComputedStyle(document.body).transform)).toBe('none');
    await options.getByRole('group', { name: 'Outlook' }).getByRole('radio', { name: 'Beside the mail' }).check();
    await options.close();
    await page.close();
  });
});
