import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import type { ClydeDB } from '../storage/db';
import { pendingUndo } from '../storage/people/merge-undo';
import { addNote } from '../storage/records/notes';
import { createPerson } from '../storage/records/people';
import { addPreference } from '../storage/records/preferences';
import { addTask } from '../storage/records/tasks';
import { writeRecord } from '../storage/records/write';
import { companyByEmail } from './by-email';
import { createCompany } from './companies';
import { linkPerson } from './link-person';
import { mergeCompanies } from './merge-companies';
import { undoCompanyMerge } from './merge-companies-undo';

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

const addOpportunity = (companyId: string, title: string) =>
  writeRecord(db, 'opportunities', crypto.randomUUID(), { title, companyId, stageId: 'stage-lead', stageAt: 0 }, { create: true });

type Row = Record<string, unknown>;
/** Every record that names either company, with its fields, owner and scope; no clocks. */
async function snapshot(ids: string[]) {
  const strip = ({ clocks: _c, updatedAt: _u, rowSeq: _r, ...rest }: Row): Row => ({ ...rest, mergedInto: rest.mergedInto ?? null });
  const sorted = (rows: Row[]) => rows.map(strip).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const by = async (entity: string, field: string) => sorted((await db.table(entity).where(field).anyOf(ids).toArray()) as Row[]);
  return {
    companies: sorted((await db.companies.bulkGet(ids)) as Row[]),
    people: await by('people', 'companyId'),
    opportunities: await by('opportunities', 'companyId'),
    notes: await by('notes', 'personId'),
    preferences: await by('preferences', 'personId'),
    tasks: await by('tasks', 'personId'),
  };
}

describe('merging companies', () => {
  it('moves people, opportunities and the company’s own records; addresses at its domain follow; undo puts it all back', async () => {
    const from = await createCompany(db, { name: 'ACME Ltd', domains: ['acme.co.uk'] });
    const into = await createCompany(db, { name: 'Acme', domains: ['acme.com'] });
    const ana = await createPerson(db, { name: 'Ana' });
    await linkPerson(db, ana.id, from.id);
    const deal = await addOpportunity(from.id, 'Renewal');
    const note = await addNote(db, from.id, { body: 'Board meets in March' });
    const task = await addTask(db, from.id, 'Send the contract');
    const before = await snapshot([from.id, into.id]);

    const mergeId = await mergeCompanies(db, into.id, from.id);
    expect(await db.companies.get(from.id)).toMatchObject({ deleted: true, mergedInto: into.id, domains: 'acme.co.uk' });
    expect([
      (await db.people.get(ana.id))?.companyId,
      (await db.opportunities.get(deal.id))?.companyId,
      (await db.notes.get(note.id))?.personId,
      (await db.tasks.get(task.id))?.personId,
    ]).toEqual([into.id, into.id, into.id, into.id]);
    expect((await companyByEmail(db, 'bia@acme.co.uk'))?.id).toBe(into.id);
    expect((await pendingUndo(db, into.id))?.id).toBe(mergeId);

    await undoCompanyMerge(db, mergeId);
    expect(await snapshot([from.id, into.id])).toEqual(before);
    expect((await companyByEmail(db, 'bia@acme.co.uk'))?.id).toBe(from.id);
    await expect(undoCompanyMerge(db, mergeId)).rejects.toThrow('already undone');
  });

  it('refuses itself, a missing company, and a shared company into a private one, changing nothing', async () => {
    const mine = await createCompany(db, { name: 'Acme Ltd' });
    const shared = await writeRecord(db, 'companies', 'co-shared', { name: 'Acme', scope: 'team' }, { create: true });
    await expect(mergeCompanies(db, mine.id, mine.id)).rejects.toThrow('A company cannot be merged into itself.');
    await expect(mergeCompanies(db, 'co-missing', mine.id)).rejects.toThrow('Both companies must exist');
    await expect(mergeCompanies(db, mine.id, shared.id)).rejects.toThrow(
      'Acme is shared with your team and Acme Ltd is private: merging would hide Acme from your team. Share Acme Ltd first, or open Acme and merge Acme Ltd into it.',
    );
    expect(await db.merges.count()).toBe(0);
    expect((await db.companies.get(shared.id))?.deleted).toBe(false);
    await mergeCompanies(db, shared.id, mine.id);
    expect((await db.companies.get(mine.id))?.mergedInto).toBe(shared.id);
  });

  it('undo leaves a record someone moved since where they put it, and refuses a person merge log', async () => {
    const from = await createCompany(db, { name: 'A' });
    const into = await createCompany(db, { name: 'B' });
    const elsewhere = await createCompany(db, { name: 'C' });
    const ana = await createPerson(db, { name: 'Ana' });
    await linkPerson(db, ana.id, from.id);
    const mergeId = await mergeCompanies(db, into.id, from.id);
    await linkPerson(db, ana.id, elsewhere.id);
    await undoCompanyMerge(db, mergeId);
    expect((await db.people.get(ana.id))?.companyId).toBe(elsewhere.id);
    await db.merges.add({ id: 'people-merge', at: 0, fromId: 'p1', intoId: 'p2', moved: [], identities: [] });
    await expect(undoCompanyMerge(db, 'people-merge')).rejects.toThrow('no longer on record');
  });

  it('merging any two companies loses no record, and undo restores every record exactly', async () => {
    const words = fc.array(
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
      { maxLength: 3 },
    );
    const side = fc.record({
      people: fc.nat({ max: 3 }),
      /** People linked and then deleted: tombstones move too. */
      gone: fc.nat({ max: 1 }),
      notes: words,
      facts: words,
      tasks: words,
      deals: words,
      /** Records a teammate wrote about the company (another owner, shared with the team). */
      theirs: fc.nat({ max: 2 }),
      shared: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(side, side, async (from, into) => {
        const ids: string[] = [];
        for (const s of [from, into]) {
          const company = await writeRecord(
            db,
            'companies',
            `co-${crypto.randomUUID()}`,
            { name: 'Same', ...(s.shared && { scope: 'team' as const }) },
            { create: true },
          );
          ids.push(company.id);
          for (let i = 0; i < s.people + s.gone; i++) {
            const p = await createPerson(db, { name: `P${i}` });
            await writeRecord(db, 'people', p.id, { companyId: company.id, deleted: i >= s.people });
          }
          for (const body of s.notes) await addNote(db, company.id, { body });
          for (const f of s.facts) await addPreference(db, company.id, f);
          for (const t of s.tasks) await addTask(db, company.id, t);
          for (const title of s.deals) await addOpportunity(company.id, title);
          for (let i = 0; i < s.theirs; i++) {
            await writeRecord(
              db,
              'notes',
              crypto.randomUUID(),
              { personId: company.id, kind: 'note', body: `theirs ${i}`, occurredAt: i, scope: 'team' },
              { create: true },
            );
          }
        }
        const [fromId, intoId] = ids as [string, string];
        const before = await snapshot(ids);
        const refused = from.shared && !into.shared;
        const merged = mergeCompanies(db, intoId, fromId);
        if (refused) {
          await expect(merged).rejects.toThrow('is shared with your team');
          expect(await snapshot(ids)).toEqual(before);
          return;
        }
        const mergeId = await merged;
        const after = await snapshot([intoId]);
        for (const entity of ['people', 'opportunities', 'notes', 'preferences', 'tasks'] as const) {
          expect(after[entity].map((r) => r.id).sort()).toEqual(before[entity].map((r) => r.id).sort());
        }
        expect((await snapshot([fromId])).notes).toEqual([]);
        await undoCompanyMerge(db, mergeId);
        expect(await snapshot(ids)).toEqual(before);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
