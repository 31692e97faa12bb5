import { isClosed, type StageView } from '../../opportunities/stages';
import type { BoardCard } from './load';

export interface BoardFilter {
  companyId?: string;
  owner?: 'mine' | 'team';
}

export interface BoardColumn {
  stage: StageView;
  cards: BoardCard[];
  /** Sum of the values per currency code ('' for values without one), by code. */
  totals: [string, number][];
}

const matchesFilter = (card: BoardCard, { companyId, owner }: BoardFilter) =>
  (!companyId || card.opp.companyId === companyId) && (!owner || card.mine === (owner === 'mine'));

/**
 * The board's columns in pipeline order. Open stages put the deal longest in its stage first (the one
 * to look at); Won and Lost the latest closed first.
 */
export function columnsOf(stages: readonly StageView[], cards: readonly BoardCard[], filter: BoardFilter): BoardColumn[] {
  const shown = cards.filter((c) => matchesFilter(c, filter));
  return stages.map((stage) => {
    const here = shown.filter((c) => c.stageId === stage.id);
    const sign = isClosed(stage.outcome) ? -1 : 1;
    here.sort((a, b) => sign * (a.opp.stageAt - b.opp.stageAt));
    return { stage, cards: here, totals: totalsOf(here) };
  });
}

function totalsOf(cards: readonly BoardCard[]): [string, number][] {
  const sums = new Map<string, number>();
  for (const { opp } of cards) {
    if (opp.value == null) continue;
    const code = opp.currency ?? '';
    sums.set(code, (sums.get(code) ?? 0) + opp.value);
  }
  return [...sums].sort(([a], [b]) => a.localeCompare(b));
}

/** The companies of the deals on the board, by name, for the company filter. */
export function companiesOf(cards: readonly BoardCard[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const c of cards) if (c.opp.companyId) byId.set(c.opp.companyId, c.subject ?? c.opp.companyId);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
