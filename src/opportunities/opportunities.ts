import type { ClydeDB } from '../storage/db';
import { writeRecord, writeTables } from '../storage/records/write';
import type { Opportunity, Scope, Task } from '../storage/schema';
import { DEFAULT_STAGES, pipeline, type StageView } from './stages';
import { formatNumber, t } from '../i18n';

/**
 * Opportunities: where a deal stands. Every write goes through writeRecord, so it syncs, merges
 * and undoes like a note. A deal has a company and/or people; its next step is an ordinary task
 * (with `opportunityId`) about its first person, so it shows under Today with that person, or
 * about its company when it has no one (then on the company's page and the board).
 */

export interface NewOpportunity {
  title: string;
  companyId?: string | null;
  personIds?: readonly string[];
  stageId?: string;
  value?: number | null;
  currency?: string;
  closeAt?: number | null;
  nextStep?: { title: string; due?: number };
}

/** The people on a deal: its `personIds` field is space-separated ids (synced fields are scalars). */
export const peopleOf = (o: Pick<Opportunity, 'personIds'>): string[] => o.personIds?.split(' ').filter(Boolean) ?? [];

/** Whom a deal's won/lost note is about: its company, whose timeline tells the account's story; else its first person. */
export const subjectOf = (o: Pick<Opportunity, 'companyId' | 'personIds'>): string | undefined => o.companyId ?? peopleOf(o)[0];

/** Whom a deal's next step is about: its first person (Today lists people's tasks), else its company. */
const stepSubjectOf = (o: Pick<Opportunity, 'companyId' | 'personIds'>): string | undefined => peopleOf(o)[0] ?? o.companyId ?? undefined;

export async function stagesOf(db: ClydeDB): Promise<StageView[]> {
  return pipeline(await db.stages.toArray());
}

/** A stage the pipeline has now, or a clear error (a teammate may have removed it meanwhile). */
async function stageById(db: ClydeDB, id: string): Promise<StageView> {
  const stage = (await stagesOf(db)).find((s) => s.id === id);
  if (!stage) throw new Error(t('errors.thatStageIsNoLonger'));
  return stage;
}

function checkValue(value: number | null | undefined) {
  if (value != null && (!Number.isFinite(value) || value < 0)) throw new Error(t('errors.aValueIsAPositive'));
}

/** The ISO code as stored; typed by hand it may come in lower case or with spaces. */
function currencyCode(currency: string | undefined): string | undefined {
  if (currency === undefined) return undefined;
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new Error(t('moreErrors.notCurrency', { currency }));
  return code;
}

/** The stored limit is a whole number of days (schema); say so rather than let zod's message through. */
function checkIdleDays(idleDays: number | null | undefined) {
  if (idleDays != null && !(Number.isInteger(idleDays) && idleDays >= 1 && idleDays <= 3650)) throw new Error(t('errors.anIdleLimitIsA'));
}

export async function createOpportunity(db: ClydeDB, o: NewOpportunity): Promise<Opportunity> {
  const title = o.title.trim();
  if (!title) throw new Error(t('errors.anOpportunityNeedsATitle'));
  const personIds = [...new Set(o.personIds ?? [])];
  if (!o.companyId && !personIds.length) throw new Error(t('errors.anOpportunityNeedsACompany'));
  checkValue(o.value);
  const currency = currencyCode(o.currency);
  const step = o.nextStep?.title.trim();
  return db.transaction('rw', writeTables(db, db.opportunities, db.tasks, db.stages), async () => {
    const stage = await stageById(db, o.stageId ?? DEFAULT_STAGES[0]!.id);
    // Straight into Won or Lost would skip the reason and its timeline note.
    if (stage.outcome !== 'open') throw new Error(t('errors.startsOpen', { stage: stage.name }));
    const opp = await writeRecord(
      db,
      'opportunities',
      crypto.randomUUID(),
      {
        title,
        companyId: o.companyId ?? null,
        personIds: personIds.join(' '),
        stageId: stage.id,
        stageAt: Date.now(),
        value: o.value ?? null,
        currency,
        closeAt: o.closeAt ?? null,
      },
      { create: true },
    );
    if (step) await addNextStep(db, opp, step, o.nextStep?.due);
    return opp;
  });
}

export async function addNextStep(db: ClydeDB, opp: Opportunity, title: string, due?: number): Promise<Task> {
  const trimmed = title.trim();
  if (!trimmed) throw new Error(t('errors.aNextStepNeedsA'));
  return writeRecord(
    db,
    'tasks',
    crypto.randomUUID(),
    { personId: stepSubjectOf(opp)!, title: trimmed, due, done: false, opportunityId: opp.id },
    { create: true },
  );
}

/** The deal's open next steps, soonest due first. */
export async function nextStepsOf(db: ClydeDB, opportunityId: string): Promise<Task[]> {
  const rows = await db.tasks.where('opportunityId').equals(opportunityId).toArray();
  return rows.filter((t) => !t.deleted && !t.done).sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.updatedAt - b.updatedAt);
}

type Editable = Partial<Pick<Opportunity, 'title' | 'companyId' | 'value' | 'currency' | 'closeAt'>> & { personIds?: readonly string[] };

export async function updateOpportunity(db: ClydeDB, id: string, fields: Editable): Promise<Opportunity> {
  const title = fields.title?.trim();
  if (title === '') throw new Error(t('errors.anOpportunityNeedsATitle'));
  checkValue(fields.value);
  const currency = currencyCode(fields.currency);
  const { personIds, ...rest } = fields;
  const set = { ...rest, title, currency, ...(personIds ? { personIds: [...new Set(personIds)].join(' ') } : {}) };
  return db.transaction('rw', writeTables(db, db.opportunities), async () => {
    const current = await db.opportunities.get(id);
    if (!current || current.deleted) throw new Error(t('errors.thatOpportunityIsGone'));
    // Its next step and its won/lost note are about its company or first person: one must stay.
    if (!subjectOf({ ...current, ...defined(set) })) throw new Error(t('errors.anOpportunityNeedsACompany'));
    return writeRecord(db, 'opportunities', id, set);
  });
}

/**
 * Moves a deal to another stage. Won or lost needs the reason in words; it is kept on the deal and
 * as a note on its company's timeline (or its person's), so the history says why long after the
 * deal leaves the board.
 */
export async function moveOpportunity(db: ClydeDB, id: string, stageId: string, reason?: string): Promise<Opportunity> {
  return db.transaction('rw', writeTables(db, db.opportunities, db.notes, db.stages), async () => {
    const opp = await db.opportunities.get(id);
    if (!opp || opp.deleted) throw new Error(t('errors.thatOpportunityIsGone'));
    const stage = await stageById(db, stageId);
    // Dropped back where it was: nothing happened, so nothing is written (not a second won note).
    if (opp.stageId === stageId) return opp;
    if (stage.outcome === 'open') {
      return writeRecord(db, 'opportunities', id, { stageId, stageAt: Date.now() });
    }
    const why = reason?.trim();
    if (!why) throw new Error(stage.outcome === 'won' ? t('errors.sayWhyWon') : t('errors.sayWhyLost'));
    const moved = await writeRecord(db, 'opportunities', id, { stageId, stageAt: Date.now(), reason: why });
    await writeRecord(
      db,
      'notes',
      crypto.randomUUID(),
      {
        personId: subjectOf(opp)!,
        kind: 'note',
        body: `${stage.outcome === 'won' ? 'Won' : 'Lost'} “${opp.title}”: ${why}`,
        occurredAt: Date.now(),
      },
      { create: true },
    );
    return moved;
  });
}

/**
 * The pipeline is the team's, so a stage record is always shared (before joining a team it waits
 * to be, like any shared record). A private edit of a default stage would also make the same id
 * a private record on the server, and every teammate's edit of that stage would be refused.
 */
const STAGE_SCOPE: Scope = 'team';

export async function editStage(db: ClydeDB, id: string, fields: Partial<Pick<StageView, 'name' | 'idleDays' | 'order'>>): Promise<void> {
  const named = fields.name?.trim();
  if (named === '') throw new Error(t('errors.aStageNeedsAName'));
  checkIdleDays(fields.idleDays);
  const set = { ...fields, name: named };
  await db.transaction('rw', writeTables(db, db.stages), async () => {
    const current = await stageById(db, id);
    const stored = await db.stages.get(id);
    if (stored) await writeRecord(db, 'stages', id, set);
    else {
      const { name, order, outcome, idleDays } = current;
      await writeRecord(db, 'stages', id, { name, order, outcome, idleDays, ...defined(set), scope: STAGE_SCOPE }, { create: true });
    }
  });
}

/** A new open stage, placed after the last open one (won and lost stay at the end). */
export async function addStage(db: ClydeDB, name: string, idleDays: number | null = 14): Promise<string> {
  const n = name.trim();
  if (!n) throw new Error(t('errors.aStageNeedsAName'));
  checkIdleDays(idleDays);
  return db.transaction('rw', writeTables(db, db.stages), async () => {
    const stages = await stagesOf(db);
    const open = stages.filter((s) => s.outcome === 'open');
    const last = open.at(-1)?.order ?? 0;
    const next = stages.find((s) => s.order > last)?.order ?? last + 2;
    const id = `stage-${crypto.randomUUID()}`;
    await writeRecord(
      db,
      'stages',
      id,
      { name: n, order: (last + next) / 2, outcome: 'open', idleDays, scope: STAGE_SCOPE },
      { create: true },
    );
    return id;
  });
}

/** Removes an open stage that holds no open deal; closed stages (won, lost) stay. */
export async function removeStage(db: ClydeDB, id: string): Promise<void> {
  await db.transaction('rw', writeTables(db, db.stages, db.opportunities), async () => {
    const stage = await stageById(db, id);
    if (stage.outcome !== 'open') throw new Error(t('errors.wonAndLostStayEvery'));
    const held = await db.opportunities
      .where('stageId')
      .equals(id)
      .filter((o) => !o.deleted)
      .count();
    if (held) throw new Error(t('errors.stageHolds', held, [formatNumber(held)]));
    if ((await stagesOf(db)).filter((s) => s.outcome === 'open').length === 1) throw new Error(t('errors.aPipelineNeedsAtLeast'));
    if (await db.stages.get(id)) await writeRecord(db, 'stages', id, { deleted: true });
    else {
      const { name, order, outcome, idleDays } = stage;
      await writeRecord(db, 'stages', id, { name, order, outcome, idleDays, deleted: true, scope: STAGE_SCOPE }, { create: true });
    }
  });
}

/** The fields actually given: an `undefined` must not hide a default's value when it is first stored. */
const defined = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
