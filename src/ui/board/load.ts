import { viewerOf } from '../../home/sections';
import { nextStepsOf, peopleOf, stagesOf } from '../../opportunities/opportunities';
import { daysIdle } from '../../opportunities/signals';
import { isClosed, type StageView } from '../../opportunities/stages';
import type { ClydeDB } from '../../storage/db';
import type { Opportunity, Task } from '../../storage/schema';
import { DAY } from '../../storage/summaries/summary';

/** Won and lost deals stay on the board this long after they closed, so it shows recent results without filling up. */
export const RECENT_DAYS = 90;

export interface BoardCard {
  opp: Opportunity;
  /** The column it shows in: its stage, or the first open one when a teammate removed its stage meanwhile. */
  stageId: string;
  /** Its company's name, or its first person's when it has no company. */
  subject?: string;
  /** The soonest open next step. */
  next?: Task;
  mine: boolean;
  /** Whole days without activity, when past its stage's limit: the deal Home lists as at risk. */
  idle?: number;
}

export interface BoardData {
  stages: StageView[];
  cards: BoardCard[];
}

/** Everything the board shows, read in one go so a live query re-runs it when any of it changes. */
export async function loadBoard(db: ClydeDB, now: number): Promise<BoardData> {
  const stages = await stagesOf(db);
  const known = new Set(stages.map((s) => s.id));
  const closed = new Set(stages.filter((s) => isClosed(s.outcome)).map((s) => s.id));
  // Two teammates each removing a stage at once can leave no open one; Won and Lost always stay.
  const fallback = (stages.find((s) => !isClosed(s.outcome)) ?? stages[0]!).id;
  const opps = (await db.opportunities.toArray()).filter(
    (o) => !o.deleted && (!closed.has(o.stageId) || o.stageAt >= now - RECENT_DAYS * DAY),
  );
  const companies = await db.companies.bulkGet(opps.map((o) => o.companyId ?? ''));
  const people = await db.people.bulkGet(opps.map((o) => (o.companyId ? '' : (peopleOf(o)[0] ?? ''))));
  const steps = await Promise.all(opps.map((o) => nextStepsOf(db, o.id)));
  const { me } = await viewerOf(db);
  const byId = new Map(stages.map((s) => [s.id, s]));
  const idle = await Promise.all(opps.map((o) => daysIdle(db, o, byId.get(known.has(o.stageId) ? o.stageId : fallback)!, now)));
  const cards = opps.map((opp, i) => ({
    opp,
    stageId: known.has(opp.stageId) ? opp.stageId : fallback,
    subject: companies[i]?.name ?? people[i]?.name,
    next: steps[i]![0],
    mine: opp.ownerId === me,
    ...(idle[i] === undefined ? {} : { idle: Math.floor(idle[i]) }),
  }));
  return { stages, cards };
}
