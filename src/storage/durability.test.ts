import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import { relaxed } from './durability';

const durability = () => (Dexie.currentTransaction?.idbtrans as IDBTransaction & { durability: string }).durability;

describe('durability per transaction', () => {
  it('is strict unless opened through relaxed, and only for the transaction opened there', async () => {
    const { db } = freshClientDb();
    await db.open();
    expect(await db.transaction('rw', db.meta, durability)).toBe('strict');
    expect(await relaxed(() => db.transaction('rw', [db.meta, db.notes], durability))).toBe('relaxed');
    // Ops inside a relaxed transaction stay in it; the next transaction is strict again.
    expect(
      await relaxed(() =>
        db.transaction('rw', db.meta, async () => {
          await db.meta.put({ key: 'x', value: 1 });
          return durability();
        }),
      ),
    ).toBe('relaxed');
    expect(await db.transaction('rw', db.notes, durability)).toBe('strict');
    expect(await db.meta.get('x')).toEqual({ key: 'x', value: 1 });
    db.close();
  });
});
