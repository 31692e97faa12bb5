import { ago, plural } from '../home/reasons';
import { t } from '../i18n';
import type { ClydeDB } from '../storage/db';
import type { Opportunity } from '../storage/schema';
import { DAY } from '../storage/summaries/summary';
import { parseHlc } from '../sync/hlc';
import { formatMoney } from './money';
import { peopleOf, stagesOf } from './opportunities';
import type { StageView } from './stages';

/**
 * What deals say to Home: one left idle past its stage's limit is at risk, one won recently makes
 * its customer one of the best. Each with its sentence, like every other reason on Home; no score.
 * Opportunities are few (hundreds), so these read the open or won ones rather than keep summaries.
 */
export interface DealSignal {
  opportunity: Opportunity;
  stage: StageView;
  companyName?: string;
  sentence: string;
}

/** Won deals count for this long under Best customers. */
const WON_DAYS = 365;

/** The deal's last activity: its own last edit (any field, from the clocks), or the newest note about its company or people. */
async function lastActivity(db: ClydeDB, o: Opportunity): Promise<number> {
  let last = Math.max(o.stageAt, ...Object.values(o.clocks).map((c) => parseHlc(c).wall));
  const subjects = [...(o.companyId ? [o.companyId] : []), ...peopleOf(o)];
  const newest = await Promise.all(
    subjects.map((id) =>
      db.notes
        .where('[personId+occurredAt]')
        .between([id, -Infinity], [id, Infinity])
        .reverse()
        .filter((n) => !n.deleted)
        .first(),
    ),
  );
  for (const n of newest) if (n) last = Math.max(last, n.occurredAt);
  return last;
}

const money = (o: Opportunity) => (o.value == null ? '' : ` (${formatMoney(o.value, o.currency)})`);

async function companyNames(db: ClydeDB, deals: Opportunity[]): Promise<Map<string, string>> {
  const ids = [...new Set(deals.flatMap((o) => (o.companyId ? [o.companyId] : [])))];
  const companies = await db.companies.bulkGet(ids);
  return new Map(companies.flatMap((c) => (c && !c.deleted ? [[c.id, c.name] as const] : [])));
}

async function dealsIn(db: ClydeDB, stages: StageView[]): Promise<Opportunity[]> {
  const rows = await db.opportunities
    .where('stageId')
    .anyOf(stages.map((s) => s.id))
    .toArray();
  return rows.filter((o) => !o.deleted);
}

/**
 * How many days the deal has gone without activity, when that is past its stage's limit (the
 * stage is open and has one); undefined otherwise. Home's At risk and the board's cards both ask.
 */
export async function daysIdle(db: ClydeDB, o: Opportunity, stage: StageView, now: number): Promise<number | undefined> {
  if (stage.outcome !== 'open' || !stage.idleDays) return undefined;
  const days = (now - (await lastActivity(db, o))) / DAY;
  return days > stage.idleDays ? days : undefined;
}

/** Open deals with no activity for longer than their stage allows, longest past the limit first. */
export async function idleDeals(db: ClydeDB, now: Date): Promise<DealSignal[]> {
  const stages = (await stagesOf(db)).filter((s) => s.outcome === 'open' && s.idleDays);
  const byId = new Map(stages.map((s) => [s.id, s]));
  const deals = await dealsIn(db, stages);
  const names = await companyNames(db, deals);
  const idle: (DealSignal & { over: number })[] = [];
  for (const o of deals) {
    const stage = byId.get(o.stageId)!;
    const days = await daysIdle(db, o, stage, now.getTime());
    if (days === undefined) continue;
    // In days, like the limit it is measured against ("15 days … its limit is 14 days", not "2 weeks").
    const sentence = t('reasons.idleDeal', {
      title: o.title,
      idle: plural(Math.floor(days), 'day'),
      stage: stage.name,
      limit: plural(stage.idleDays!, 'day'),
    });
    idle.push({
      opportunity: o,
      stage,
      companyName: o.companyId ? names.get(o.companyId) : undefined,
      sentence,
      over: days - stage.idleDays!,
    });
  }
  return idle.sort((a, b) => b.over - a.over).map(({ over: _, ...s }) => s);
}

/** Deals won in the last year, most recent first. */
export async function wonDeals(db: ClydeDB, now: Date): Promise<DealSignal[]> {
  const stages = (await stagesOf(db)).filter((s) => s.outcome === 'won');
  const byId = new Map(stages.map((s) => [s.id, s]));
  const deals = (await dealsIn(db, stages)).filter((o) => now.getTime() - o.stageAt <= WON_DAYS * DAY);
  const names = await companyNames(db, deals);
  return deals
    .sort((a, b) => b.stageAt - a.stageAt)
    .map((o) => ({
      opportunity: o,
      stage: byId.get(o.stageId)!,
      companyName: o.companyId ? names.get(o.companyId) : undefined,
      sentence: `Won “${o.title}”${money(o)} ${ago(o.stageAt, now)}.`,
    }));
}
