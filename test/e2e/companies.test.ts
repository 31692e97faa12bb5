import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, type Clyde } from './browser';
import { fixture } from './fixtures';
import { homeSection, openHome } from './home';
import { openMail, shownName } from './panel';
import { addCompany, addOpportunity, addPerson, emptySeed } from '../support/records';
import { seedExtension } from '../support/seed-browser';

/**
 * Companies and deals end to end, in the Gmail panel and on Home. The thread's first sender,
 * Bruno Costa, writes from example.org; Clyde knows that company (seeded) but not him.
 */

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

const thread = fixture('gmail', 'thread-cc');
const DAY = 86_400_000;

/** Opens the page a panel link opens in a new tab. */
async function follow(panel: Frame, name: string | RegExp): Promise<Page> {
  const opened = clyde.context.waitForEvent('page');
  await panel.getByRole('link', { name }).first().click();
  const page = await opened;
  await page.waitForLoadState();
  return page;
}

describe('companies and opportunities', () => {
  it('a first email from a new person at a known company shows the company’s story, and one action adds them to it', async () => {
    const seed = emptySeed();
    const acme = addCompany(seed, { name: 'Example Org Ltd', domains: ['example.org'] });
    addPerson(seed, {
      name: 'Dora Reis',
      email: 'dora.reis@example.org',
      companyId: acme,
      notes: [{ body: 'The spring delivery came two days late', occurredAt: Date.now() - 12 * DAY, tag: 'complaint' }],
    });
    addOpportunity(seed, { title: 'Spring order', companyId: acme, stageId: 'stage-proposal', value: 12000, currency: 'EUR' });
    await seedExtension(clyde.context, clyde.extensionId, seed);

    const { page: mail, panel } = await openMail(clyde, thread);
    expect(await shownName(panel)).toBe('Bruno Costa');
    const story = panel.getByTestId('company-story');
    await story.waitFor();
    expect(await story.getByRole('heading').textContent()).toBe('Example Org Ltd — a company you know');
    expect(await story.getByTestId('company-colleagues').textContent()).toBe('You know Dora Reis.');
    expect(await story.getByTestId('company-complaint').textContent()).toBe(
      'Last complaint, 12 days ago (Dora Reis): ‘The spring delivery came two days late’',
    );
    expect(await story.getByTestId('company-deals').textContent()).toBe('Spring order (Proposal)');

    await story.getByRole('button', { name: 'Add Bruno Costa to Example Org Ltd' }).click();
    const strip = panel.getByTestId('company-strip');
    await expect.poll(() => strip.textContent()).toMatch(/^Example Org Ltd· 2 people you know· Spring order \(Proposal\)/);
    await story.waitFor({ state: 'detached' });
    await mail.close();
  });

  it('creates an opportunity from the panel with the person and company filled in; lost asks why and keeps it on the company’s timeline', async () => {
    const { page: mail, panel } = await openMail(clyde, thread);
    expect(await shownName(panel)).toBe('Bruno Costa');
    await panel.getByTestId('new-opportunity-button').click();
    const form = panel.getByTestId('new-opportunity');
    await form.getByLabel('Opportunity title').fill('Winter promo');
    await form.getByLabel('Value').fill('4800');
    await form.getByLabel('Next step', { exact: true }).fill('Send the quote');
    await form.getByLabel('Opportunity title').press('Enter');
    await panel.getByTestId('opportunity-created').waitFor();
    await expect.poll(() => panel.getByTestId('company-strip').textContent()).toContain('Winter promo (Lead)');
    // The next step is a task about Bruno, so it is in his tasks (and under Today when due) and on the deal's page.
    await panel.getByTestId('task').filter({ hasText: 'Send the quote' }).waitFor();
    const deal = await follow(panel, 'Open it');
    const page = deal.getByTestId('opportunity-page');
    await page.waitFor();
    expect(await page.getByRole('link', { name: 'Example Org Ltd' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Bruno Costa' }).count()).toBe(1);
    expect(await page.getByTestId('next-steps').textContent()).toContain('Send the quote');

    // Lost: the stage waits for the reason; Escape keeps the deal where it was.
    await page.getByLabel('Stage').selectOption({ label: 'Lost' });
    await page.getByLabel('Why was it lost?').press('Escape');
    await expect.poll(() => page.getByLabel('Stage').inputValue()).toBe('stage-lead');
    await page.getByLabel('Stage').selectOption({ label: 'Lost' });
    await page.getByLabel('Why was it lost?').fill('They chose a cheaper supplier');
    await page.getByLabel('Why was it lost?').press('Enter');
    await page.getByTestId('opportunity-reason').filter({ hasText: 'Lost: They chose a cheaper supplier' }).waitFor();

    await page.getByRole('link', { name: 'Example Org Ltd' }).click();
    const company = deal.getByTestId('company-page');
    await company.getByTestId('note').filter({ hasText: 'Lost “Winter promo”: They chose a cheaper supplier' }).waitFor();
    expect(await company.getByTestId('company-people').textContent()).toContain('Bruno Costa');
    await deal.close();
    await mail.close();
  });

  // Last: the clock stays moved for the rest of this browser's life.
  it('a deal created in the panel moves across the board by keyboard; left idle past its stage’s limit, it shows under At risk with its sentence', async () => {
    const { page: mail, panel } = await openMail(clyde, thread);
    await panel.getByTestId('new-opportunity-button').click();
    const form = panel.getByTestId('new-opportunity');
    await form.getByLabel('Opportunity title').fill('Autumn restock');
    await form.getByLabel('Opportunity title').press('Enter');
    await panel.getByTestId('opportunity-created').waitFor();
    await mail.close();

    let home = await openHome(clyde);
    expect(await homeSection(home, 'at-risk').textContent()).not.toContain('Autumn restock');
    await home.getByRole('link', { name: 'Pipeline' }).click();
    const card = (stage: string) => home.locator(`[data-stage-id=${stage}] [data-testid=board-card]`).filter({ hasText: 'Autumn restock' });
    // Each key waits for what the board says aloud, as a screen-reader user would.
    const said = home.locator('[id^=DndLiveRegion]');
    await card('stage-lead').focus();
    await home.keyboard.press('Space');
    await expect.poll(() => said.textContent()).toBe('Picked up Autumn restock. In Lead.');
    await home.keyboard.press('ArrowRight');
    await expect.poll(() => said.textContent()).toBe('Autumn restock is over Qualified.');
    await home.keyboard.press('Space');
    await card('stage-qualified').waitFor();
    expect(await card('stage-lead').count()).toBe(0);
    await home.close();

    await clyde.context.clock.install({ time: Date.now() + 15 * DAY });
    home = await openHome(clyde);
    const risk = homeSection(home, 'at-risk');
    const deal = risk.getByTestId('home-deal').filter({ hasText: 'Autumn restock' });
    await deal.waitFor();
    expect(await deal.getByTestId('home-reason').textContent()).toBe(
      'No activity on “Autumn restock” for 15 days in Qualified; its limit is 14 days.',
    );
    expect(await deal.textContent()).toContain('Example Org Ltd');
    await home.close();
  });
});
