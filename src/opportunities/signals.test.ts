import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import { addNote } from '../storage/records/notes';
import { createPerson } from '../storage/records/people';
import { deleteRecord } from '../storage/records/write';
import { DAY } from '../storage/summaries/summary';
import { createOpportunity, editStage, moveOpportunity } from './opportunities';
import { idleDeals, wonDeals } from './signals';

const start = new Date(2026, 10, 2, 9).getTime();
const at = (days: number) => new Date(start + days * DAY);

describe('deal signals for Home', () => {
  afterEach(() => vi.useRealTimers());

  async function dealInProposal() {
    vi.useFakeTimers({ now: start, toFake: ['Date'] });
    const { db } = freshClientDb();
    const ana = await createPerson(db, { name: 'Ana Lima' });
    const deal = await createOpportunity(db, {
      title: 'Spring order',
      personIds: [ana.id],
      stageId: 'stage-proposal',
      value: 12000,
      currency: 'EUR',
    });
    return { db, ana, deal };
  }

  it('an open deal past its stage limit is at risk, with a sentence naming the deal, the stage, the idle time and the limit', async () => {
    const { db } = await dealInProposal();
    expect(await idleDeals(db, at(10))).toEqual([]); // Proposal allows 10 days
    const [idle] = await idleDeals(db, at(12));
    expect(idle?.sentence).toBe('No activity on “Spring order” for 12 days in Proposal; its limit is 10 days.');
  });

  it('a note about its person is activity: the idle time counts from it', async () => {
    const { db, ana } = await dealInProposal();
    vi.setSystemTime(at(8));
    await addNote(db, ana.id, { body: 'Called: still comparing offers' });
    expect(await idleDeals(db, at(12))).toEqual([]);
    expect((await idleDeals(db, at(19)))[0]?.sentence).toMatch(/for 11 days in Proposal/);
  });

  it('follows the team’s own limit for the stage, and a stage without one never flags', async () => {
    const { db } = await dealInProposal();
    await editStage(db, 'stage-proposal', { idleDays: 30 });
    expect(await idleDeals(db, at(20))).toEqual([]);
    await editStage(db, 'stage-proposal', { idleDays: null });
    expect(await idleDeals(db, at(400))).toEqual([]);
  });

  it('won deals feed Best customers for a year; closed deals are never idle', async () => {
    const { db, deal } = await dealInProposal();
    vi.setSystemTime(at(3));
    await moveOpportunity(db, deal.id, 'stage-won', 'Beat the incumbent on delivery time');
    const [won] = await wonDeals(db, at(24));
    const value = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(12000);
    expect(won?.sentence).toBe(`Won “Spring order” (${value}) 3 weeks ago.`);
    expect(await idleDeals(db, at(100))).toEqual([]);
    expect(await wonDeals(db, at(3 + 366))).toEqual([]);
  });

  it('a deleted deal says nothing', async () => {
    const { db, deal } = await dealInProposal();
    await deleteRecord(db, 'opportunities', deal.id);
    expect(await idleDeals(db, at(30))).toEqual([]);
  });
});
