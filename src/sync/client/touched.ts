import type { ClydeDB } from '../../storage/db';
import type { Entity } from '../../storage/schema';
import type { RowState } from '../protocol';
import { readBeside, rederiveMany, type Counts } from '../view';

/**
 * Records whose view must be derived again at the end of a transaction, each once. `add` with a
 * third argument records the server row just written to `srv` (undefined: just deleted from it),
 * which the derivation then uses instead of reading it back; later `add`s keep what is known.
 */
export class Touched {
  private keys = new Map<string, { entity: Entity; id: string }>();
  private known = new Map<Entity, Map<string, RowState | undefined>>();

  add(entity: Entity, id: string, ...srv: [] | [RowState | undefined]) {
    this.keys.set(`${entity}\u0000${id}`, { entity, id });
    if (srv.length) {
      const rows = this.known.get(entity) ?? new Map<string, RowState | undefined>();
      rows.set(id, srv[0]);
      this.known.set(entity, rows);
    }
  }

  list(): [Entity, string][] {
    return [...this.keys.values()].map(({ entity, id }) => [entity, id]);
  }

  /** `counts`: the sizes of `srv` and the outbox as read earlier in this transaction, if they still hold. */
  async rederive(db: ClydeDB, userId: string, counts?: Counts) {
    const byEntity = new Map<Entity, string[]>();
    for (const { entity, id } of this.keys.values()) {
      const ids = byEntity.get(entity);
      if (ids) ids.push(id);
      else byEntity.set(entity, [id]);
    }
    const beside = await readBeside(db, this.keys.size, counts);
    // Entity by entity at once: each writes its own table and its own `srv` keys, and IndexedDB
    // runs the requests in order anyway; issued together, none waits for a round trip.
    await Promise.all([...byEntity].map(([entity, ids]) => rederiveMany(db, entity, ids, { userId }, this.known.get(entity), beside)));
  }
}
