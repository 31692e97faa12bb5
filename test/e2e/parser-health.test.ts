import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchClyde, serve, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail, shownName, type } from './panel';
import { navigateInApp } from '../support/in-app-navigation';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

/** The diagnostic as the panel shows it before copying (the clipboard itself is the browser's). */
async function diagnostic(panel: Frame | Page): Promise<string> {
  await panel.getByRole('button', { name: 'Copy diagnostic' }).click();
  const box = panel.getByTestId('diagnostic');
  await box.waitFor({ timeout: 10_000 });
  return box.inputValue();
}

describe('parser health', () => {
  it('says Clyde could not read a Gmail thread in an unknown layout, with a diagnostic free of page text', async () => {
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-unreadable'));
    await panel.getByText('Clyde could not read this page.').waitFor({ timeout: 10_000 });
    const text = await diagnostic(panel);
    expect(text).toMatch(
      /^Clyde \S+ could not read a page\nreader: gmail\nview: thread\n\n<!-- page: https:\/\/[^ ]+#inbox\/[A-Za-z0-9]+ -->\n<body/,
    );
    expect(text).toMatch(/<div [^>]*role="main"/);
    expect(text).toMatch(/<span [^>]*data-peer="[^"]*"/);
    for (const word of ['Otávio', 'Ramos', 'otavio', 'Kiln', 'kiln', 'Nadia', 'nadia', 'example', 'Thursday', 'FMfcg'])
      expect(text).not.toContain(word);

    // A thread Clyde can read shows its people and no such message. A note makes Bruno a person.
    await navigateInApp(page, fixture('gmail', 'thread-cc'));
    await expect.poll(() => shownName(panel)).toBe('Bruno Costa');
    expect(await panel.getByTestId('parser-health').count()).toBe(0);
    await type(panel, 'First note', 'Asked about kiln prices');
    await panel.getByTestId('note').first().waitFor();

    // Back on the unreadable thread, search finds him by name and opens him.
    await navigateInApp(page, fixture('gmail', 'thread-unreadable'));
    await panel.getByRole('button', { name: 'Search by name or email' }).click({ timeout: 10_000 });
    const box = panel.getByRole('combobox', { name: 'Who is this page about?' });
    await box.fill('Bruno');
    await panel.getByRole('option').filter({ hasText: 'Bruno Costa' }).first().click({ timeout: 10_000 });
    await panel
      .getByTestId('opened-person')
      .getByTestId('note')
      .filter({ hasText: 'Asked about kiln prices' })
      .waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('on a LinkedIn profile it cannot read, the side panel still offers to clip the profile by its address, and asks the page for its skeleton', async () => {
    const url = 'https://www.linkedin.com/in/bruno-costa-dev/';
    await serve(
      clyde.context,
      'https://www.linkedin.com',
      () => '<!doctype html><title>LinkedIn</title><main><div class="q7x"><span>Bruno Costa</span><p>Lisbon</p></div></main>',
    );
    const page = await clyde.context.newPage();
    await page.goto(url);
    await page.bringToFront();
    const opened = clyde.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/sidepanel.html'), timeout: 10_000 });
    await clyde.context.serviceWorkers()[0]!.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } };
      return chrome.windows.create({ url: 'sidepanel.html', type: 'popup', focused: false });
    });
    const side = await opened;
    await side.getByText('Clyde could not read this page.').waitFor({ timeout: 10_000 });
    await side.getByRole('button', { name: 'Clip profile' }).waitFor();
    // Search starts from the words of the profile address.
    await side.getByRole('button', { name: 'Search by name or email' }).click();
    expect(await side.getByRole('combobox', { name: 'Who is this page about?' }).inputValue()).toBe('bruno costa dev');
    await side.keyboard.press('Escape');
    const text = await diagnostic(side);
    expect(text).toContain('reader: linkedin');
    expect(text).toMatch(/<!-- page: https:\/\/[^ ]+\/in\/xxxxx-xxxxx-\w{3}\/ -->/);
    expect(text).toContain('<main><div class=""><span>Xxxxx Xxxxx</span><p>Xxxxxx</p></div></main>');
    for (const word of ['Bruno', 'Costa', 'Lisbon', 'bruno-costa']) expect(text).not.toContain(word);
    await side.close();
    await page.close();
  });
});
