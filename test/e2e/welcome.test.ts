import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, panelFrame, serve, type Clyde } from './browser';
import { fixture } from './fixtures';
import { shownName } from './panel';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde({ keepWelcome: true });
});
afterAll(() => clyde?.close());

describe('first run', () => {
  it('opens the welcome page on install, and its one click leads to Gmail with Clyde’s panel on the open thread', async () => {
    // launchClyde found it open by itself, before any test asked for anything.
    const welcome = clyde.welcome!;
    expect(welcome.url()).toBe(`chrome-extension://${clyde.extensionId}/welcome.html`);
    await welcome.getByRole('heading', { name: 'Welcome to Clyde', level: 1 }).waitFor();
    // The optional steps are Settings' own, working against this browser's storage.
    expect(await welcome.getByRole('group', { name: 'Gmail' }).getByRole('radio', { name: 'Beside the mail' }).isChecked()).toBe(true);
    await welcome.getByLabel('Contacts file (CSV or vCard)').waitFor();
    await welcome.getByRole('heading', { name: 'Connect to a team' }).waitFor();

    // Gmail's own address, answered with a thread served at the real host so the manifest's match applies.
    const thread = fixture('gmail', 'thread-cc');
    await serve(clyde.context, 'https://mail.google.com', () => thread.html);
    await welcome.getByRole('link', { name: 'Open Gmail and try it' }).click();
    await welcome.waitForURL('https://mail.google.com/');
    const panel = await panelFrame(welcome, clyde.extensionId);
    await expect.poll(() => shownName(panel)).toBe('Bruno Costa');
    await welcome.close();
  });

  it('Skip, reached by keyboard with a visible focus, closes the page; Settings opens it again', async () => {
    const settings = await clyde.context.newPage();
    await settings.goto(`chrome-extension://${clyde.extensionId}/options.html`);
    const opened = clyde.context.waitForEvent('page');
    await settings.getByRole('link', { name: 'Welcome page' }).click();
    const welcome = await opened;
    await welcome.waitForURL(`chrome-extension://${clyde.extensionId}/welcome.html`);
    await welcome.getByRole('button', { name: 'Skip' }).waitFor();

    // Start and Skip come first in the tab order, before the optional steps.
    await welcome.keyboard.press('Tab');
    expect(await welcome.evaluate(() => document.activeElement?.textContent)).toBe('Open Gmail and try it');
    await welcome.keyboard.press('Tab');
    const skip = welcome.getByRole('button', { name: 'Skip' });
    expect(await skip.evaluate((el) => el === document.activeElement && getComputedStyle(el).outlineStyle)).toBe('solid');

    // Enter activates the button on its way down and the tab is gone before the key comes up,
    // so the press itself ends in "page closed"; the close is what is waited for.
    await Promise.all([welcome.waitForEvent('close'), welcome.keyboard.press('Enter').catch(() => undefined)]);
    expect(clyde.context.pages()).not.toContain(welcome);
    await settings.close();
  });

  it('does not open again when the browser starts again with the same profile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clyde-e2e-restart-'));
    try {
      // The first start installs Clyde and opens the page (launchClyde waits for it, then closes it).
      await (await launchClyde({ profileDir: dir })).close();
      // Chromium installs a command-line extension afresh at this start too, and says 'install'.
      const again = await launchClyde({ profileDir: dir });
      try {
        // On the first start the tab comes within about a second and a half of the worker; three
        // seconds without it is the page staying closed.
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        expect(again.context.pages().map((p) => p.url())).not.toContain(`chrome-extension://${again.extensionId}/welcome.html`);
      } finally {
        await again.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
