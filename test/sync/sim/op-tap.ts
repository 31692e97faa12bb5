import Database from 'better-sqlite3';
import { join } from 'node:path';
import { PushRequestSchema, type FieldValue } from '../../../src/sync/protocol';
import type { Fetch } from '../../../src/sync/client/api';

/**
 * The op log keeps the names of the fields an op set, never the values (the server must not keep
 * deleted or refused text), and the server compacts it. The oracle still needs every op whole, so
 * the simulator keeps its own copy: the values from the push the server applied, and every
 * compacted log row, copied aside by a trigger before the server deletes it.
 */
export class OpTap {
  /** `${clientId}#${clientSeq}` → the fields the applied op set. */
  readonly sets = new Map<string, Record<string, FieldValue>>();
  /** Pushes the server refused for the team's quota (507). */
  quotaRefusals = 0;

  /** Wraps the server's fetch: a push answered 200 was applied, through its last op. */
  wrap(fetch: () => Fetch): () => Fetch {
    return () => async (url, init) => {
      const res = await fetch()(url, init);
      if (res.status === 507) this.quotaRefusals++;
      if (res.status === 200 && String(url).endsWith('/v1/sync/push') && typeof init?.body === 'string') {
        const req = PushRequestSchema.parse(JSON.parse(init.body));
        for (const op of req.ops) {
          const key = `${req.clientId}#${op.clientSeq}`;
          if (!this.sets.has(key)) this.sets.set(key, op.set);
        }
      }
      return res;
    };
  }
}

/** Copies every op log row the server deletes into `op_log_archive`, in the same transaction. */
export function archiveCompactedOps(dir: string): void {
  const db = new Database(join(dir, 'clyde.sqlite'));
  try {
    const columns = (db.prepare('select name from pragma_table_info(?)').all('op_log') as { name: string }[]).map((c) => c.name);
    db.exec(`create table if not exists op_log_archive as select * from op_log where 0`);
    db.exec(
      `create trigger if not exists op_log_keep before delete on op_log begin
         insert into op_log_archive (${columns.join(', ')}) values (${columns.map((c) => `old.${c}`).join(', ')});
       end`,
    );
  } finally {
    db.close();
  }
}
