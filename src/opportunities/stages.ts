import type { Outcome, Stage } from '../storage/schema';
import { t } from '../i18n';

/** What the board needs of a stage: a stored one, or a default nobody has edited yet. */
export type StageView = Pick<Stage, 'id' | 'name' | 'order' | 'outcome' | 'idleDays'>;

/**
 * The default pipeline. Stages are code until a team edits one: the edit writes a `stages` record
 * with the same id, so two teammates editing a default edit one record. Ids are fixed for that.
 */
export const DEFAULT_STAGES: readonly StageView[] = [
  // Named in the browser's language until someone renames one (then the team's name is stored).
  { id: 'stage-lead', name: t('stages.lead'), order: 1, outcome: 'open', idleDays: 14 },
  { id: 'stage-qualified', name: t('stages.qualified'), order: 2, outcome: 'open', idleDays: 14 },
  { id: 'stage-proposal', name: t('stages.proposal'), order: 3, outcome: 'open', idleDays: 10 },
  { id: 'stage-negotiation', name: t('stages.negotiation'), order: 4, outcome: 'open', idleDays: 7 },
  { id: 'stage-won', name: t('opportunity.won'), order: 5, outcome: 'won', idleDays: null },
  { id: 'stage-lost', name: t('opportunity.lost'), order: 6, outcome: 'lost', idleDays: null },
];

/** The pipeline as the team has it: defaults overlaid by stored stages, deleted ones gone, in order. */
export function pipeline(stored: readonly Stage[]): StageView[] {
  const byId = new Map<string, StageView>(DEFAULT_STAGES.map((s) => [s.id, s]));
  const deleted = new Set<string>();
  for (const s of stored) {
    if (s.deleted) deleted.add(s.id);
    else byId.set(s.id, s);
  }
  return [...byId.values()].filter((s) => !deleted.has(s.id)).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export const isClosed = (outcome: Outcome) => outcome !== 'open';
