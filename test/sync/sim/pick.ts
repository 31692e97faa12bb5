import { getMeta } from '../../../src/storage/keys';
import type { Entity } from '../../../src/storage/schema';
import type { SimClient } from './client';
import type { Prng } from './prng';

/** One kind of random edit; false when the client had nothing to act on or the mutator refused. */
export type SimOp = (c: SimClient, rng: Prng) => Promise<boolean>;

/** A random visible, not deleted record of the client's view, or undefined. */
export async function anyRecord(c: SimClient, rng: Prng, entity: Entity, mine = false) {
  const rows = (await c.db.table(entity).toArray()) as { id: string; deleted: boolean; ownerId: string; scope: string }[];
  const me = await getMeta(c.db, 'device');
  return rng.pick(rows.filter((r) => !r.deleted && (!mine || r.ownerId === me?.userId)));
}
