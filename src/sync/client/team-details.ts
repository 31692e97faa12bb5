import type { ClydeDB } from '../../storage/db';
import { parseHlc } from '../hlc';
import { MAX_WRITERS_PER_REQUEST } from '../writers-protocol';
import { SyncApiError, type SyncApi } from './api';
import { identity } from './round';
import { getMeta, setMeta } from './state';

/**
 * What the panel needs from the server besides records, asked for at the end of a round and only
 * while missing: this member's role (whether Delete is offered on a teammate's shared record)
 * and the names behind lost edits. Neither is worth failing a round over: when the server cannot
 * answer now, the next round asks again, and meanwhile the panel says "a teammate".
 */
export async function learnTeamDetails(db: ClydeDB, api: SyncApi): Promise<void> {
  try {
    await learnRole(db, api);
    await nameWriters(db, api);
  } catch (err) {
    if (!(err instanceof SyncApiError)) throw err;
  }
}

async function learnRole(db: ClydeDB, api: SyncApi): Promise<void> {
  if (await getMeta(db, 'role')) return;
  const me = await api.me();
  await db.transaction('rw', db.meta, async () => {
    // The device may have left or changed teams while the request was out.
    if ((await getMeta(db, 'account'))?.userId === me.userId) await setMeta(db, 'role', me.role);
  });
}

async function nameWriters(db: ClydeDB, api: SyncApi): Promise<void> {
  const unnamed = ((await getMeta(db, 'lostEdits')) ?? []).filter((e) => !e.by);
  const nodes = [...new Set(unnamed.map((e) => parseHlc(e.hlc).node))].slice(0, MAX_WRITERS_PER_REQUEST);
  if (!nodes.length) return;
  const writers = new Map((await api.writers(nodes)).map((w) => [w.clientId, w]));
  await db.transaction('rw', db.meta, async () => {
    const me = await identity(db);
    const all = (await getMeta(db, 'lostEdits')) ?? [];
    const named = all.map((e) => {
      const node = parseHlc(e.hlc).node;
      if (e.by || !nodes.includes(node)) return e;
      // A node the server does not know (a client of a member since removed) stays nameless, once.
      const w = writers.get(node);
      return { ...e, by: { name: w?.name ?? '', self: w?.userId === me.userId } };
    });
    await setMeta(db, 'lostEdits', named);
  });
}
