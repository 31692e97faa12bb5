import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchClyde, type Clyde } from './browser';
import { openHome } from './home';
import { addCompany, addOpportunity, emptySeed } from '../support/records';
import { rowInExtension, seedExtension } from '../support/seed-browser';

let clyde: Clyde;
beforeAll(async () => {
  clyde = await launchClyde();
});
afterAll(() => clyde?.close());

const stageOf = async (page: Parameters<typeof rowInExtension>[0], id: string) =>
  ((await rowInExtension(page, 'opportunities', id)) as { stageId: string }).stageId;

describe('Pipeline board', () => {
  it('opens from Home’s header, and moves a deal a stage right by keyboard drag, then with ]', async () => {
    const seed = emptySeed();
    const company = addCompany(seed, { name: 'Lima Grains' });
    const deal = addOpportunity(seed, { title: 'Spring order', companyId: company, value: 12_000, currency: 'EUR' });
    await seedExtension(clyde.context, clyde.extensionId, seed);

    const home = await openHome(clyde);
    await home.getByRole('link', { name: 'Pipeline' }).click();
    await home.waitForURL(/#\/board$/);
    const card = home.locator('[data-stage-id=stage-lead] [data-testid=board-card]');
    expect(await card.textContent()).toContain('Spring order');
    expect(await card.textContent()).toContain('€12,000');
    const said = home.locator('[id^=DndLiveRegion]');

    await card.focus();
    await home.keyboard.press('Space');
    await expect.poll(() => said.textContent()).toBe('Picked up Spring order. In Lead.');
    await home.keyboard.press('ArrowRight');
    await expect.poll(() => said.textContent()).toBe('Spring order is over Qualified.');
    await home.keyboard.press('Space');
    await expect.poll(() => stageOf(home, deal)).toBe('stage-qualified');
    const moved = home.locator('[data-stage-id=stage-qualified] [data-testid=board-card]:focus');
    await moved.waitFor();

    await home.keyboard.press(']');
    await expect.poll(() => stageOf(home, deal)).toBe('stage-proposal');
    await home.locator('[data-stage-id=stage-proposal] [data-testid=board-card]:focus').waitFor();
    await home.close();
  });
});
