import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { openMail, shownName } from './panel';
import { addPerson, emptySeed } from '../support/records';
import { countInExtension, rowInExtension, seedExtension } from '../support/seed-browser';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

/** A local moment `days` from today (negative: ago); the browser runs in this process's time zone. */
const fromToday = (days: number, hour = 0) => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, hour).getTime();
};

describe('the brief', () => {
  it('comes first when writing to someone Clyde knows', async () => {
    const seed = emptySeed();
    addPerson(seed, {
      name: 'Ana Lima',
      email: 'ana.lima@example.com',
      notes: [{ body: 'asked about bulk price', kind: 'call', occurredAt: fromToday(-12, 15) }],
      tasks: [{ title: 'send the quote', due: fromToday(-2) }, { title: 'visit the farm' }],
    });
    await seedExtension(clyde.context, clyde.extensionId, seed);

    const { page, panel } = await openMail(clyde, fixture('gmail', 'compose-chips'));
    expect(await shownName(panel)).toBe('Ana Lima');
    const brief = panel.getByTestId('brief');
    await brief.waitFor({ timeout: 10_000 });
    expect(await brief.getByRole('listitem').allTextContents()).toEqual([
      'Last: call 12 days ago — “asked about bulk price”',
      'Promised: send the quote — was due 2 days ago (+1 more)',
    ]);
    // Before anything else about her, her name included.
    const order = await panel
      .locator('[data-testid=brief], [data-testid=person-name], [data-testid=fact], [data-testid=task]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(order.slice(0, 2)).toEqual(['brief', 'person-name']);
    // Clyde never writes into the email.
    expect(await page.locator('[contenteditable=true], textarea').evaluateAll((els) => els.map((el) => el.textContent))).not.toContainEqual(
      expect.stringContaining('bulk price'),
    );
    await page.close();
  });

  it('records the day a Gmail thread with a known person was opened, and nothing for anyone else', async () => {
    const seed = emptySeed();
    const bruno = addPerson(seed, { name: 'Bruno Costa', email: 'bruno.costa@example.org' });
    // Only copied in: reading the thread is no contact with her.
    const carla = addPerson(seed, { name: 'Carla Mendes', email: 'carla.mendes@example.net' });
    await seedExtension(clyde.context, clyde.extensionId, seed);
    const people = await countPeople();

    const before = Date.now();
    const { page, panel } = await openMail(clyde, fixture('gmail', 'thread-cc'));
    expect(await shownName(panel)).toBe('Bruno Costa');
    const extension = await clyde.context.newPage();
    await extension.goto(`chrome-extension://${clyde.extensionId}/panel.html`);
    await expect
      .poll(() => rowInExtension(extension, 'personal', bruno), { timeout: 10_000 })
      .toEqual({ personId: bruno, openedAt: expect.any(Number) });
    const { openedAt } = (await rowInExtension(extension, 'personal', bruno)) as { openedAt: number };
    expect(openedAt).toBeGreaterThanOrEqual(before);
    expect(await rowInExtension(extension, 'personal', carla)).toBeUndefined();
    // Eduardo Pires is on the thread too, and unknown: reading creates no one.
    expect(await countInExtension(extension, 'people')).toBe(people);
    await extension.close();
    await page.close();
  });
});

async function countPeople(): Promise<number> {
  const page = await clyde.context.newPage();
  await page.goto(`chrome-extension://${clyde.extensionId}/panel.html`);
  const n = await countInExtension(page, 'people');
  await page.close();
  return n;
}
