import { eraseInPlace, isContentField } from '../../sync/erase';
import type { ClydeDB } from '../db';
import type { Entity } from '../schema';

/**
 * A delete erases on this device too (issue #15, point 3): the record leaves the view table (its
 * tombstone is the op that carries the delete, and the server's row in `srv` until the server
 * sends its own tombstone), and the earlier edits of it this device still holds lose their text.
 *
 * Those edits (and the delete itself, which has no text) stay in the outbox, numbered as they were (the server counts a device's ops without
 * gaps), as ops that only say the record is deleted: one that creates the record then creates it
 * deleted, which the server accepts without the fields a live record needs. An edit the server
 * already has is not sent again, so nothing it applied changes.
 *
 * The server's row kept in `srv` is erased as the server will erase it: the owner's delete
 * cannot be refused (any field may be deleted by its owner; deletes free quota), so the view
 * derived from it is the same tombstone before and after the round, and the next pull replaces it.
 *
 * Only the owner's own delete does this. A teammate's delete of a shared record may be refused
 * (owner or admin only), and their edits and the server's row must then still be there; theirs
 * are erased by the server's tombstone when it arrives.
 */
export async function eraseLocalCopies(db: ClydeDB, entity: Entity, id: string): Promise<void> {
  const strip = (set: Record<string, unknown>) => {
    const kept = Object.fromEntries(Object.entries(set).filter(([field]) => !isContentField(field)));
    return { ...kept, deleted: true };
  };
  await db.outbox
    .where('[entity+id]')
    .equals([entity, id])
    .modify((op) => void (op.set = strip(op.set)));
  const server = await db.srv.get([entity, id]);
  if (server) {
    const values = { ...server.values, deleted: true };
    const clocks = { ...server.clocks };
    eraseInPlace(entity, values, clocks);
    await db.srv.put({ ...server, values, clocks });
  }
  await db.rejected.filter((op) => op.entity === entity && op.id === id).modify((op) => void (op.set = strip(op.set)));
}
