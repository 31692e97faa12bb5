import type { Hono } from 'hono';
import type { AppEnv } from '../../server/http/env';
import { PullResponseSchema, SCHEMA_VERSION, type RowState } from '../../src/sync/protocol';
import type { DeviceFixture } from './workload';

/**
 * What the upgrade test expects of a frozen server: every device, its token (the database holds
 * only hashes), and what each live device pulled from a cursor of 0 at freeze time. Row counts
 * per table catch a lost row that no pull would show (an op-log entry, an eviction).
 */
export interface ServerExpectation {
  schemaVersion: number;
  devices: (DeviceFixture & { pulled?: { rows: RowState[]; evictions: { entity: string; id: string }[]; lastClientSeq: number } })[];
  tableCounts: Record<string, number>;
}

export async function pullsOf(app: Hono<AppEnv>, devices: DeviceFixture[]): Promise<ServerExpectation['devices']> {
  const out: ServerExpectation['devices'] = [];
  for (const d of devices) {
    if (d.revoked) {
      out.push(d);
      continue;
    }
    const query = new URLSearchParams({ cursor: '0', clientId: d.clientId, schemaVersion: String(SCHEMA_VERSION), limit: '5000' });
    const res = await app.request(`/v1/sync/pull?${query}`, { headers: { authorization: `Bearer ${d.token}` } });
    if (res.status !== 200) throw new Error(`${d.name}: pull answered ${res.status}`);
    const page = PullResponseSchema.parse(await res.json());
    if (page.hasMore) throw new Error(`${d.name}: more than one page; raise the limit`);
    out.push({ ...d, pulled: { rows: page.rows, evictions: page.evictions, lastClientSeq: page.lastClientSeq } });
  }
  return out;
}
