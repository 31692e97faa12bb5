import type { Entity } from '../../storage/schema';
import type { RestoreReport } from '../../storage/restore/restore';
import { count } from '../count';

const NOUNS: Record<Entity, [string, string]> = {
  people: ['person', 'people'],
  identities: ['address', 'addresses'],
  notes: ['note', 'notes'],
  preferences: ['fact', 'facts'],
  tasks: ['task', 'tasks'],
  companies: ['company', 'companies'],
  stages: ['pipeline stage', 'pipeline stages'],
  opportunities: ['opportunity', 'opportunities'],
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
    .map(([e, n]) => count(n, ...NOUNS[e]));
  if (!parts.length) return 'no records';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
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
      ? `${count(back, 'record')} brought back, ${count(updated, 'record')} updated.`
      : `${count(back, 'record')} will come back, ${count(updated, 'record')} will be updated.`,
  ];
  if (kept) parts.push(`${count(kept, 'record')} newer here ${done ? (kept === 1 ? 'was' : 'were') : kept === 1 ? 'is' : 'are'} kept.`);
  if (same) parts.push(`${count(same, 'record')} already the same.`);
  if (notYours) parts.push(`${count(notYours, 'private record')} of another user left out.`);
  return parts.join(' ');
}
