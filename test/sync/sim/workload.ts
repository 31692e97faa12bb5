import { addIdentity } from '../../../src/storage/records/identity';
import { addNote, deleteNote, updateNote } from '../../../src/storage/records/notes';
import { createPerson, deletePerson, updatePerson } from '../../../src/storage/records/people';
import { addPreference, updatePreference } from '../../../src/storage/records/preferences';
import type { Entity } from '../../../src/storage/schema';
import { addTask, setTaskDone, updateTask } from '../../../src/storage/records/tasks';
import { writeRecord } from '../../../src/storage/records/write';
import { setShared } from '../../../src/sync/client/share';
import type { SimClient } from './client';
import { anyRecord, type SimOp } from './pick';
import type { Prng } from './prng';
import { DEAL_OPS } from './workload-deals';
import { exportAll } from '../../../src/storage/contacts/export-all';
import { readRestoreFile } from '../../../src/storage/restore/file';
import { restoreExport } from '../../../src/storage/restore/restore';

/** Small pools so that edits collide often (same person, same email, same fact). */
const NAMES = ['Ada', 'Grace', 'Linus', 'Barbara', 'Ken'];
const EMAILS = ['ada@example.com', 'grace@example.com', 'shared@example.com'];
const FACTS = ['order: grain in two bags', 'call: mornings', 'kids: two'];

const OPS: [weight: number, op: SimOp][] = [
  [2, (c, rng) => c.write((db) => createPerson(db, { name: rng.pick(NAMES) }))],
  // Created shared, as the share toggle does when a note about a new person is shared.
  [
    2,
    (c, rng) => c.write((db) => writeRecord(db, 'people', crypto.randomUUID(), { name: rng.pick(NAMES), scope: 'team' }, { create: true })),
  ],
  [
    3,
    async (c, rng) => {
      const p = await anyRecord(c, rng, 'people');
      return !!p && c.write((db) => addNote(db, p.id, { body: `note ${rng.int(0, 999)}` }));
    },
  ],
  [
    3,
    async (c, rng) => {
      const p = await anyRecord(c, rng, 'people');
      return !!p && c.write((db) => updatePerson(db, p.id, { name: rng.pick(NAMES), company: `Co ${rng.int(0, 9)}` }));
    },
  ],
  [
    2,
    async (c, rng) => {
      const n = await anyRecord(c, rng, 'notes');
      return !!n && c.write((db) => updateNote(db, n.id, { body: `edited ${rng.int(0, 999)}` }));
    },
  ],
  [
    1,
    async (c, rng) => {
      const n = await anyRecord(c, rng, 'notes');
      return !!n && c.write((db) => deleteNote(db, n.id));
    },
  ],
  [
    1,
    async (c, rng) => {
      const p = await anyRecord(c, rng, 'people');
      return !!p && c.write((db) => deletePerson(db, p.id));
    },
  ],
  [
    2,
    async (c, rng) => {
      const p = await anyRecord(c, rng, 'people');
      return !!p && c.write((db) => addPreference(db, p.id, rng.pick(FACTS)!));
    },
  ],
  [
    1,
    async (c, rng) => {
      const f = await anyRecord(c, rng, 'preferences');
      return !!f && c.write((db) => updatePreference(db, f.id, { pinned: rng.chance(0.5) }));
    },
  ],
  [
    2,
    async (c, rng) => {
      const p = await anyRecord(c, rng, 'people');
      return !!p && c.write((db) => addTask(db, p.id, `task ${rng.int(0, 99)}`, rng.chance(0.5) ? 86_400_000 * rng.int(1, 30) : undefined));
    },
  ],
  [
    1,
    async (c, rng) => {
      const t = await anyRecord(c, rng, 'tasks');
      return (
        !!t &&
        c.write((db) => (rng.chance(0.5) ? setTaskDone(db, t.id, true) : updateTask(db, t.id, { title: `retitled ${rng.int(0, 99)}` })))
      );
    },
  ],
  [
    2,
    async (c, rng) => {
      // The same email added on two devices gives the same identity id: concurrent creates.
      const p = await anyRecord(c, rng, 'people');
      return !!p && c.write((db) => addIdentity(db, p.id, 'email', rng.pick(EMAILS)!));
    },
  ],
  [
    5,
    async (c, rng) => {
      // Share or unshare a record this user owns (the owner-only scope register), as the share
      // toggle does: sharing a note also shares its person (or company) and the person's addresses,
      // sharing a deal its company and people.
      const entity = rng.pick<Entity>(['people', 'notes', 'preferences', 'tasks', 'companies', 'opportunities'])!;
      const r = await anyRecord(c, rng, entity, true);
      if (!r) return false;
      return c.write((db) => setShared(db, entity, r.id, r.scope !== 'team'));
    },
  ],
  [
    2,
    async (c, rng) => {
      // A stale UI (or an old build) offers sharing a teammate's record: the server must refuse it
      // and the client must keep the refusal visible.
      const entity = rng.pick(['people', 'companies', 'opportunities'] as const)!;
      const r = await anyRecord(c, rng, entity);
      if (!r || r.ownerId === c.userId) return false;
      return c.write((db) =>
        entity === 'opportunities'
          ? writeRecord(db, entity, r.id, { scope: 'team', title: 'taken over' })
          : writeRecord(db, entity, r.id, { scope: 'team', name: 'taken over' }),
      );
    },
  ],
  [
    2,
    async (c) => {
      // Settings → Export everything: kept for a restore later, after the team has moved on.
      c.backup = JSON.stringify(await exportAll(c.db));
      return false;
    },
  ],
  [
    2,
    async (c) => {
      // Settings → Restore: an older export back into the same browser. Newer local fields stay,
      // records deleted since stay deleted (erased on the server), and the rest is queued again.
      const backup = c.backup;
      if (!backup) return false;
      const ok = await c.write((db) => restoreExport(db, readRestoreFile(backup)));
      if (ok) c.restores++;
      return ok;
    },
  ],
  ...DEAL_OPS,
];

const TOTAL = OPS.reduce((sum, [w]) => sum + w, 0);

/** Runs one weighted random edit on the client; false when it had nothing to act on. */
export async function randomEdit(c: SimClient, rng: Prng): Promise<boolean> {
  let r = rng.next() * TOTAL;
  for (const [weight, op] of OPS) if ((r -= weight) < 0) return op(c, rng);
  return false;
}
