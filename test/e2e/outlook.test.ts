import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail, shownName } from './panel';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

describe('Outlook on the web', () => {
  it.each([
    ['reading-office', 'Ana Lima'],
    ['reading-live', 'Beatriz Reis'], // a real Outlook.com page of 2025, anonymized
    ['reading-cloud', 'Ivo Ramos'],
  ])('shows the sender of the message in the reading pane (%s)', async (name, sender) => {
    const { page, panel } = await openMail(clyde, fixture('outlook', name));
    expect(await shownName(panel)).toBe(sender);
    await page.close();
  });

  it('says "no one here" on the message list alone', async () => {
    const { page, panel } = await openMail(clyde, fixture('outlook', 'list-live'));
    await panel.getByTestId('no-one').waitFor();
    await page.close();
  });
});
