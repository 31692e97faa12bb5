import { db } from '../storage/db';

/**
 * Opening IndexedDB is slow work the browser does off this thread. mount.tsx imports this first,
 * so the open starts as soon as the database code has run, before the panel's own modules (the
 * app, the card) and its first render: that work then overlaps the open instead of preceding it.
 * A failure to open shows as the storage notice (StorageNotice.tsx) where it is one we know; the
 * views' reads wait for the same open.
 */
void db.open().then(
  () => performance.mark('clyde:db-open'),
  () => undefined,
);
