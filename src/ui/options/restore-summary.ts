import type { Entity } from '../../storage/schema';
import type { RestoreReport } from '../../storage/restore/restore';
import { t } from '../../i18n';
import { count, listOf, type Noun } from '../count';

const NOUNS: Record<Entity, Noun> = {
  people: 'person',
  identities: 'address',
  notes: 'note',
  preferences: 'fact',
  tasks: 'task',
  companies: 'company',
  stages: 'stage',
  opportunities: 'opportunity',
};

const sum = (r: RestoreReport, pick: (c: RestoreReport['records'][Entity]) => number) =>
  Object.values(r.records).reduce((n, c) => n + pick(c), 0);

/** "1,204 people, 5,330 notes and 12 tasks": what the file holds, kind by kind. */
export function fileContents(r: RestoreReport): string {
  const parts = (Object.keys(NOUNS) as Entity[])
    .map((e) => {
      const c = r.records[e];
      return [e, c.new + c.update + c.kept + c.same + c.notYours] as const;
    })
    .filter(([, n]) => n > 0)
    .map(([e, n]) => count(n, NOUNS[e]));
  return parts.length ? listOf(parts) : t('restore.noRecords');
}

/** What the restore does (or did) to them, the records kept as they are here included. */
export function restoreEffect(r: RestoreReport, done: boolean): string {
  const back = sum(r, (c) => c.new);
  const updated = sum(r, (c) => c.update);
  const kept = sum(r, (c) => c.kept);
  const same = sum(r, (c) => c.same);
  const notYours = sum(r, (c) => c.notYours);
  const parts = [
    done
      ? t('restore.done', { back: count(back, 'record'), updated: count(updated, 'record') })
      : t('restore.plan', { back: count(back, 'record'), updated: count(updated, 'record') }),
  ];
  if (kept) parts.push(done ? t('restore.keptDone', kept, [count(kept, 'record')]) : t('restore.keptPlan', kept, [count(kept, 'record')]));
  if (same) parts.push(t('restore.same', { records: count(same, 'record') }));
  if (notYours) parts.push(t('restore.notYours', { records: count(notYours, 'privateRecord') }));
  return parts.join(' ');
}
