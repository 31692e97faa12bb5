import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, paintedLuminance } from './axe';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { gmailDark } from './gmail-dark';
import { openMail, shownName } from './panel';
import { demoPeople } from '../../scripts/demo-people';
import { seedExtension } from '../support/seed-browser';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
  // The demo's customers: every Home section has someone in it, and the panel shows Bruno's
  // fullest view (a brief, a complaint, a pinned fact, tasks, a company and a deal), not an empty one.
  const { seed, personal } = demoPeople();
  await seedExtension(clyde.context, clyde.extensionId, seed, personal, { asOwner: true });
});
afterAll(() => clyde?.close());

type Scheme = 'light' | 'dark';
const SCHEMES: Scheme[] = ['light', 'dark'];

/** The theme a document shows, by what it paints: a check that the dark run really was dark. */
async function expectPainted(target: Page | Frame, scheme: Scheme) {
  const luminance = await paintedLuminance(target);
  expect(luminance).not.toBeNull();
  if (scheme === 'dark') expect(luminance).toBeLessThan(0.05);
  else expect(luminance).toBeGreaterThan(0.9);
}

/** One of Clyde's own pages with the system set to `scheme` (Chromium's prefers-color-scheme emulation). */
async function openPage(path: string, scheme: Scheme, ready: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await clyde.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${clyde.extensionId}/${path}`);
  await ready(page);
  return page;
}

describe('accessibility (axe-core, WCAG 2.2 AA and best practices)', () => {
  it.each(SCHEMES)('the panel beside a Gmail thread in Gmail’s %s theme has no violations', async (scheme) => {
    const { page, panel } = await openMail(clyde, scheme === 'dark' ? gmailDark() : fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    await panel.getByTestId('note').first().waitFor();
    await panel.getByTestId('task').first().waitFor();
    await expectPainted(panel, scheme);
    expect(await axeViolations(panel)).toEqual([]);
    await page.close();
  });

  it.each(SCHEMES)('the side panel (%s) has no violations', async (scheme) => {
    const page = await openPage('sidepanel.html', scheme, (p) => p.locator('#root > *').first().waitFor());
    await expectPainted(page, scheme);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(SCHEMES)('the options page (%s) has no violations', async (scheme) => {
    const page = await openPage('options.html', scheme, (p) => p.getByRole('heading', { name: /Clyde settings/ }).waitFor());
    await expectPainted(page, scheme);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(SCHEMES)('Home (%s) has no violations', async (scheme) => {
    const page = await openPage('home.html', scheme, (p) =>
      p.waitForFunction(() => document.querySelectorAll('section').length >= 5 && !document.querySelector('section[aria-busy=true]')),
    );
    await expectPainted(page, scheme);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(SCHEMES)('the welcome page (%s) has no violations', async (scheme) => {
    const page = await openPage('welcome.html', scheme, (p) => p.getByRole('heading').first().waitFor());
    await expectPainted(page, scheme);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

/** How the focused element shows it has the focus: an outline or a ring (box-shadow); null if neither. */
const focusMark = (target: Page | Frame) =>
  target.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) return `${el.tagName} outline ${s.outlineWidth} ${s.outlineColor}`;
    if (s.boxShadow !== 'none') return `${el.tagName} ring ${s.boxShadow}`;
    return `${el.tagName} "${el.textContent?.slice(0, 30) ?? ''}" shows no focus`;
  });

describe('keyboard and motion', () => {
  it.each(SCHEMES)('every stop the Tab key reaches in the panel (%s) shows the focus', async (scheme) => {
    const { page, panel } = await openMail(clyde, scheme === 'dark' ? gmailDark() : fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    await panel.locator('body').click({ position: { x: 1, y: 1 } });
    const marks: (string | null)[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      marks.push(await focusMark(panel));
    }
    // The Tab key went through the panel's controls, not off into the page.
    expect(marks.filter(Boolean).length).toBeGreaterThan(10);
    expect(marks.filter((m) => m?.endsWith('shows no focus'))).toEqual([]);
    await page.close();
  });

  it('with reduced motion asked for, nothing moves: no transition, no animation', async () => {
    const page = await clyde.context.newPage();
    await page.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    await page.locator('#root > *').first().waitFor();
    const durations = () =>
      page.evaluate(() => {
        const el = document.createElement('div');
        el.style.transition = 'opacity 1s';
        el.style.animation = 'none 2s';
        document.body.append(el);
        const s = getComputedStyle(el);
        const out = [s.transitionDuration, s.animationDuration];
        el.remove();
        return out;
      });
    expect(await durations()).toEqual(['1s', '2s']);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await durations()).toEqual(['0s', '0s']);
    await page.close();
  });
});
