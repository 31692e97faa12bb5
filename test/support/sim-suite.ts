import { afterEach, beforeEach } from 'vitest';
import type { ClydeDB } from '../../src/storage/db';
import { startSimServer, type SimServer } from '../sync/sim/server';
import { freshClientDb } from './db';
import { joinWith } from './sync-client';

/**
 * For a suite of client tests against the team server in process: a fresh server before each
 * test, and after it every client database made through `client` or `member` closed, then the
 * server. Call at the top of the test file.
 */
export function simSuite() {
  let server: SimServer | undefined;
  const dbs: ClydeDB[] = [];
  beforeEach(async () => {
    server = await startSimServer();
  });
  afterEach(async () => {
    for (const db of dbs.splice(0)) db.close();
    await server?.close();
  });
  const client = (): ClydeDB => {
    const { db } = freshClientDb();
    dbs.push(db);
    return db;
  };
  return {
    get server(): SimServer {
      if (!server) throw new Error('The sim server runs only during a test.');
      return server;
    },
    /** A fresh client database of its own, closed after the test. */
    client,
    /** A fresh client joined to the team with an invite of its own. */
    async member(): Promise<ClydeDB> {
      const db = client();
      await joinWith(db, await server!.invite(), server!.fetch);
      return db;
    },
  };
}
