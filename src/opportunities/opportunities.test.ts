import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClydeDB } from '../storage/db';
import { timelineFor } from '../storage/records/notes';
import { createPerson } from '../storage/records/people';
import { writeRecord } from '../storage/records/write';
import { freshClientDb } from '../../test/support/db';
import {
  addNextStep,
  addStage,
  createOpportunity,
  editStage,
  moveOpportunity,
  nextStepsOf,
  peopleOf,
  removeStage,
  stagesOf,
  subjectOf,
  updateOpportunity,
} from './opportunities';

let db: ClydeDB;
let company: string;
let ana: string;
beforeEach(async () => {
  db = freshClientDb().db;
  company = (await writeRecord(db, 'companies', 'co-lima', { name: 'Lima Grains' }, { create: true })).id;
  ana = (await createPerson(db, { name: 'Ana Lima' })).id;
});

/** Everything a refused write could have left behind. */
const written = async () => ({
  opportunities: await db.opportunities.count(),
  tasks: await db.tasks.count(),
  notes: await db.notes.count(),
  stages: await db.stages.count(),
  outbox: await db.outbox.count(),
});

describe('createOpportunity', () => {
  it('starts in the first stage, and its next step is a task about its first person (so Today lists it) that names the deal', async () => {
    const due = new Date(2026, 11, 10).getTime();
    const opp = await createOpportunity(db, {
      title: '  Spring order ',
      companyId: company,
      personIds: [ana, ana],
      value: 12_000,
      currency: 'EUR',
      nextStep: { title: 'Send the price list', due },
    });
    expect(opp).toMatchObject({ title: 'Spring order', stageId: 'stage-lead', value: 12_000, currency: 'EUR', companyId: company });
    expect(peopleOf(opp)).toEqual([ana]);
    const steps = await nextStepsOf(db, opp.id);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ title: 'Send the price list', due, done: false, personId: ana, opportunityId: opp.id });
  });

  it('puts the next step on the first person, or on the company when the deal has no one', async () => {
    const bruno = (await createPerson(db, { name: 'Bruno Costa' })).id;
    const opp = await createOpportunity(db, { title: 'Trial', personIds: [bruno, ana], nextStep: { title: 'Call back' } });
    expect(subjectOf(opp)).toBe(bruno);
    expect((await nextStepsOf(db, opp.id)).map((t) => t.personId)).toEqual([bruno]);
    const account = await createOpportunity(db, { title: 'Renewal', companyId: company, nextStep: { title: 'Send the contract' } });
    expect((await nextStepsOf(db, account.id)).map((t) => t.personId)).toEqual([company]);
  });

  it('adds further next steps, soonest due first, and leaves done ones out', async () => {
    const opp = await createOpportunity(db, { title: 'Spring order', companyId: company, nextStep: { title: 'Send the price list' } });
    const call = await addNextStep(db, opp, ' Call about the bags ', new Date(2026, 11, 9).getTime());
    expect(call).toMatchObject({ title: 'Call about the bags', personId: company, opportunityId: opp.id });
    expect((await nextStepsOf(db, opp.id)).map((t) => t.title)).toEqual(['Call about the bags', 'Send the price list']);
    await writeRecord(db, 'tasks', call.id, { done: true });
    expect((await nextStepsOf(db, opp.id)).map((t) => t.title)).toEqual(['Send the price list']);
    await expect(addNextStep(db, opp, '  ')).rejects.toThrow('A next step needs a title.');
  });

  it('refuses, writing nothing, without a title, a company or person, a currency code, or with a negative value', async () => {
    const before = await written();
    await expect(createOpportunity(db, { title: '  ', companyId: company })).rejects.toThrow('An opportunity needs a title.');
    await expect(createOpportunity(db, { title: 'Spring order', personIds: [] })).rejects.toThrow(
      'An opportunity needs a company or a person.',
    );
    await expect(createOpportunity(db, { title: 'Spring order', companyId: company, currency: 'euros' })).rejects.toThrow(
      '“euros” is not a currency code; use one like EUR or USD.',
    );
    await expect(createOpportunity(db, { title: 'Spring order', companyId: company, value: -5 })).rejects.toThrow(
      'A value is a positive amount, like 12000.',
    );
    await expect(createOpportunity(db, { title: 'Spring order', companyId: company, stageId: 'stage-gone' })).rejects.toThrow(
      'That stage is no longer in the pipeline.',
    );
    expect(await written()).toEqual(before);
  });

  it('takes a currency code in any case, and refuses to start a deal already won', async () => {
    expect((await createOpportunity(db, { title: 'Spring order', companyId: company, currency: ' usd ' })).currency).toBe('USD');
    const before = await written();
    await expect(createOpportunity(db, { title: 'Old deal', companyId: company, stageId: 'stage-won' })).rejects.toThrow(
      'A new opportunity starts in an open stage; move it to Won with the reason.',
    );
    expect(await written()).toEqual(before);
  });
});

describe('moveOpportunity', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 11, 7, 9, 0) });
    return () => vi.useRealTimers();
  });

  it('moves between open stages and restarts the time in stage; a move to where it is writes nothing', async () => {
    const opp = await createOpportunity(db, { title: 'Spring order', companyId: company });
    vi.setSystemTime(new Date(2026, 11, 8, 9, 0));
    const moved = await moveOpportunity(db, opp.id, 'stage-proposal');
    expect(moved).toMatchObject({ stageId: 'stage-proposal', stageAt: new Date(2026, 11, 8, 9, 0).getTime() });
    const before = await written();
    expect(await moveOpportunity(db, opp.id, 'stage-proposal')).toEqual(moved);
    expect(await written()).toEqual(before);
  });

  it('refuses won or lost without a reason and writes nothing', async () => {
    const opp = await createOpportunity(db, { title: 'Spring order', companyId: company });
    const before = await written();
    await expect(moveOpportunity(db, opp.id, 'stage-lost')).rejects.toThrow('Say why it was lost: a few words are enough.');
    await expect(moveOpportunity(db, opp.id, 'stage-won', '   ')).rejects.toThrow('Say why it was won: a few words are enough.');
    expect(await written()).toEqual(before);
    expect((await db.opportunities.get(opp.id))!.stageId).toBe('stage-lead');
  });

  it('keeps the reason on the deal and tells the company’s timeline, or the person’s when there is no company', async () => {
    const opp = await createOpportunity(db, { title: 'Spring order', companyId: company, personIds: [ana] });
    const won = await moveOpportunity(db, opp.id, 'stage-won', ' They liked the two-bag delivery ');
    expect(won).toMatchObject({ stageId: 'stage-won', reason: 'They liked the two-bag delivery' });
    expect((await timelineFor(db, company)).map((n) => n.body)).toEqual(['Won “Spring order”: They liked the two-bag delivery']);
    expect(await timelineFor(db, ana)).toEqual([]);
    const before = await written();
    await moveOpportunity(db, opp.id, 'stage-won', 'They liked the two-bag delivery');
    expect(await written()).toEqual(before);

    const trial = await createOpportunity(db, { title: 'Trial', personIds: [ana] });
    await moveOpportunity(db, trial.id, 'stage-lost', 'Chose a local mill');
    expect((await timelineFor(db, ana)).map((n) => n.body)).toEqual(['Lost “Trial”: Chose a local mill']);
  });

  it('refuses a deal that was deleted or a stage that was removed', async () => {
    const opp = await createOpportunity(db, { title: 'Spring order', companyId: company });
    await expect(moveOpportunity(db, opp.id, 'stage-gone')).rejects.toThrow('That stage is no longer in the pipeline.');
    await writeRecord(db, 'opportunities', opp.id, { deleted: true });
    await expect(moveOpportunity(db, opp.id, 'stage-proposal')).rejects.toThrow('That opportunity is gone.');
  });
});

describe('updateOpportunity', () => {
  it('edits the deal, and refuses to leave it about no one', async () => {
    const opp = await createOpportunity(db, { title: 'Spring order', companyId: company });
    expect(await updateOpportunity(db, opp.id, { title: 'Spring order, 40 bags', value: 15_000, currency: 'EUR' })).toMatchObject({
      title: 'Spring order, 40 bags',
      value: 15_000,
    });
    await expect(updateOpportunity(db, opp.id, { companyId: null })).rejects.toThrow('An opportunity needs a company or a person.');
    expect((await updateOpportunity(db, opp.id, { companyId: null, personIds: [ana] })).personIds).toBe(ana);
    await expect(updateOpportunity(db, opp.id, { value: -1 })).rejects.toThrow('A value is a positive amount, like 12000.');
  });
});

describe('stages', () => {
  it('editing a default stage writes one record with its id, and a second edit changes that record', async () => {
    await editStage(db, 'stage-proposal', { name: ' Offer sent ' });
    await editStage(db, 'stage-proposal', { idleDays: 5 });
    const stored = await db.stages.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: 'stage-proposal', name: 'Offer sent', idleDays: 5, order: 3, outcome: 'open' });
    expect((await stagesOf(db)).map((s) => s.name)).toEqual(['Lead', 'Qualified', 'Offer sent', 'Negotiation', 'Won', 'Lost']);
    // A first edit of one field keeps the default's others.
    await editStage(db, 'stage-negotiation', { idleDays: 3 });
    expect(await db.stages.get('stage-negotiation')).toMatchObject({ name: 'Negotiation', order: 4, outcome: 'open', idleDays: 3 });
    // The team's pipeline: shared from the first edit, so a teammate's edit of the same id merges instead of being refused.
    expect((await db.stages.toArray()).map((s) => s.scope)).toEqual(['team', 'team']);
  });

  it('refuses an empty name or an idle limit that is not a whole number of days', async () => {
    await expect(editStage(db, 'stage-lead', { name: ' ' })).rejects.toThrow('A stage needs a name.');
    await expect(editStage(db, 'stage-lead', { idleDays: 0 })).rejects.toThrow('An idle limit is a whole number of days, 1 to 3650.');
    await expect(editStage(db, 'stage-lead', { idleDays: 2.5 })).rejects.toThrow('An idle limit is a whole number of days, 1 to 3650.');
    await expect(addStage(db, 'Trial', -3)).rejects.toThrow('An idle limit is a whole number of days, 1 to 3650.');
    expect(await db.stages.count()).toBe(0);
  });

  it('adds a stage after the last open one, before Won and Lost', async () => {
    await addStage(db, 'Trial');
    const id = await addStage(db, ' Contract ', 5);
    const stages = await stagesOf(db);
    expect(stages.map((s) => s.name)).toEqual(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Trial', 'Contract', 'Won', 'Lost']);
    expect(stages.find((s) => s.id === id)).toMatchObject({ outcome: 'open', idleDays: 5 });
  });

  it('removes an empty open stage, but not one holding a deal, nor Won or Lost, nor the last open stage', async () => {
    const opp = await createOpportunity(db, { title: 'Spring order', companyId: company, stageId: 'stage-qualified' });
    await expect(removeStage(db, 'stage-qualified')).rejects.toThrow('Move its 1 opportunity to another stage first.');
    await expect(removeStage(db, 'stage-won')).rejects.toThrow('Won and Lost stay: every deal ends in one of them.');
    await removeStage(db, 'stage-lead');
    await removeStage(db, 'stage-proposal');
    await removeStage(db, 'stage-negotiation');
    expect((await stagesOf(db)).map((s) => s.id)).toEqual(['stage-qualified', 'stage-won', 'stage-lost']);

    await moveOpportunity(db, opp.id, 'stage-lost', 'No budget this year');
    await expect(removeStage(db, 'stage-qualified')).rejects.toThrow('A pipeline needs at least one open stage.');
    // A deal that was deleted no longer holds its stage.
    const added = await addStage(db, 'Trial');
    const gone = await createOpportunity(db, { title: 'Sample', companyId: company, stageId: added });
    await writeRecord(db, 'opportunities', gone.id, { deleted: true });
    await removeStage(db, added);
    expect((await stagesOf(db)).map((s) => s.id)).toEqual(['stage-qualified', 'stage-won', 'stage-lost']);
  });
});
