import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import type { ClydeDB } from './db';
import { holdChanges, tellHeld, tellHeldNow, TELL_EVERY_MS, TELL_RECORDS_EVERY_MS } from './held-changes';
import type { Note } from './schema';

const note = (i: number): Note =>
  ({
    id: `n-${i}`,
    personId: 'p-1',
    kind: 'note',
    body: `note ${i}`,
    occurredAt: i,
    scope: 'private',
    ownerId: 'me',
    deleted: false,
    clocks: {},
    rowSeq: 0,
    updatedAt: i,
  }) as unknown as Note;

/** A page of 60 notes (more than the 50 for which Dexie names the keys) and its progress in meta, then `end` in the same transaction. */
const page = (db: ClydeDB, from: number, end: () => void) =>
  db.transaction('rw', db.notes, db.meta, async () => {
    await db.notes.bulkPut(Array.from({ length: 60 }, (_, i) => note(from + i)));
    await db.meta.put({ key: 'catchUp', value: from + 60 });
    end();
  });

/** Every value a live query reports, as it reports it. */
function watch<T>(query: () => Promise<T>) {
  const seen: T[] = [];
  const sub = liveQuery(query).subscribe((n) => seen.push(n));
  return { seen, stop: () => sub.unsubscribe() };
}
const watchCount = (db: ClydeDB) => watch(() => db.notes.count());
const watchProgress = (db: ClydeDB) => watch(async () => ((await db.meta.get('catchUp'))?.value as number | undefined) ?? 0);

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('held changes', () => {
  it('tell live queries of a run of transactions: its progress once a second, its records every few seconds, all at its end', async () => {
    const { db } = freshClientDb();
    await db.open();
    const notes = watchCount(db);
    const progress = watchProgress(db);
    await settle();
    const t0 = 1_000_000;
    // The first tells at once; the next four fall within the second and are held.
    for (let k = 0; k < 5; k++) {
      await page(db, k * 60, () => holdChanges(t0 + k * 10));
      await settle();
    }
    expect(notes.seen).toEqual([0, 60]);
    expect(progress.seen).toEqual([0, 60]);
    // Past the second, the next transaction tells the progress, held and its own; the records stay held.
    await page(db, 300, () => holdChanges(t0 + TELL_EVERY_MS));
    await settle();
    expect(progress.seen).toEqual([0, 60, 360]);
    expect(notes.seen).toEqual([0, 60]);
    await page(db, 360, () => holdChanges(t0 + TELL_EVERY_MS + 1));
    await settle();
    expect(progress.seen).toEqual([0, 60, 360]);
    // Past their own time, the records are told too, with everything held.
    await page(db, 420, () => holdChanges(t0 + TELL_RECORDS_EVERY_MS));
    await settle();
    expect(notes.seen).toEqual([0, 60, 480]);
    expect(progress.seen).toEqual([0, 60, 360, 480]);
    await page(db, 480, () => holdChanges(t0 + TELL_RECORDS_EVERY_MS + 1));
    await settle();
    expect(notes.seen).toEqual([0, 60, 480]);
    // The end of the run tells everything at once.
    await page(db, 540, () => tellHeld(t0 + TELL_RECORDS_EVERY_MS + 2));
    await settle();
    expect(notes.seen).toEqual([0, 60, 480, 600]);
    expect(progress.seen).toEqual([0, 60, 360, 480, 600]);
    notes.stop();
    progress.stop();
    db.close();
  });

  it.each([
    {
      what: 'everything held',
      watchOf: watchCount,
      end: (t0: number) => tellHeld(t0 + 2),
      // Told by a transaction of its own.
      later: (db: ClydeDB) => tellHeldNow(db),
    },
    {
      what: 'the progress',
      watchOf: watchProgress,
      end: (t0: number) => holdChanges(t0 + TELL_EVERY_MS),
      // Told with the next transaction that tells the progress.
      later: (db: ClydeDB, t0: number) => db.transaction('rw', db.meta, () => holdChanges(t0 + 2 * TELL_EVERY_MS)),
    },
  ])('hold $what again when the transaction that was to tell it is rolled back', async ({ watchOf, end, later }) => {
    const { db } = freshClientDb();
    await db.open();
    const watch = watchOf(db);
    await settle();
    const t0 = 5_000_000;
    await page(db, 0, () => tellHeld(t0));
    await page(db, 60, () => holdChanges(t0 + 1));
    await settle();
    expect(watch.seen).toEqual([0, 60]);
    const failing = page(db, 120, () => {
      end(t0);
      throw new Error('the disk is full');
    });
    await expect(failing).rejects.toThrow('the disk is full');
    await settle();
    expect(watch.seen).toEqual([0, 60]);
    // What the first two pages committed is still told.
    await later(db, t0);
    await settle();
    expect(watch.seen).toEqual([0, 60, 120]);
    watch.stop();
    db.close();
  });

  it('need a read-write transaction', async () => {
    const { db } = freshClientDb();
    await db.open();
    expect(() => holdChanges()).toThrow(/read-write transaction/);
    await expect(db.transaction('r', db.notes, () => tellHeld())).rejects.toThrow(/read-write transaction/);
    db.close();
  });
});
