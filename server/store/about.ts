import { MAX_ABOUT_ROWS, type AboutRequest, type AboutResponse, type PullCountQuery } from '../../src/sync/about-protocol';
import { ApiError, notFound } from '../errors';
import { findClient, loadRows, toRowState, type Db } from './queries';
import type { DB } from './tables';
import type { AuthContext } from './types';

/**
 * The prioritized pull (issue 15 §8): while a fresh client pages through a big team in seq
 * order, it asks first for the records about the person on its screen. Two index reads on both
 * stores (migration-subject.ts): identities by `(team_id, lookup)`, then every record about the
 * people found by `(team_id, person_id, row_seq)`. The access rule is the pull's (pull.ts): rows of the
 * caller's team only, shared or the caller's own private ones, so a private identity of another
 * member finds nobody and another member's private note about a shared person is never sent.
 */
export async function readAbout(tx: Db, auth: AuthContext, req: AboutRequest): Promise<AboutResponse> {
  await checkClient(tx, auth, req.clientId);
  const visible = ['team', `user:${auth.userId}`];
  // One equality probe of (team_id, lookup) per identity. No `entity` condition: only identities
  // have a lookup, and with one SQLite (without ANALYZE statistics) prefers the primary key's
  // (team_id, entity) prefix, a walk of every identity; and PostgreSQL, before its first ANALYZE,
  // used `lookup IN (…)` only as a filter over the team's range of the index.
  const identities: { person_id: string | null; field_values: string }[] = [];
  for (const lookup of new Set(req.identities)) {
    identities.push(
      ...(await tx
        .selectFrom('entities')
        .select(['person_id', 'field_values'])
        .where('team_id', '=', auth.teamId)
        .where('lookup', '=', lookup)
        .where('scope', 'in', visible)
        .execute()),
    );
  }
  // A deleted identity no longer says who the address belongs to.
  const live = identities.filter((r) => !(JSON.parse(r.field_values) as { deleted?: boolean }).deleted);
  const people = [...new Set(live.map((r) => r.person_id).filter((id) => id !== null))];
  if (!people.length) return { rows: [], truncated: false };
  // One ordered walk of (team_id, person_id, row_seq) per person, newest first, so when a person
  // has more than fits, what the panel shows at the top comes now. An `IN` over several people
  // lost the index to ORDER BY: SQLite walked the whole team in seq order instead.
  const found: DB['entities'][] = [];
  for (const person of people) {
    found.push(
      ...(await tx
        .selectFrom('entities')
        .selectAll()
        .where('team_id', '=', auth.teamId)
        .where('person_id', '=', person)
        .where('scope', 'in', visible)
        .orderBy('row_seq', 'desc')
        .limit(MAX_ABOUT_ROWS + 1)
        .execute()),
    );
  }
  found.sort((x, y) => Number(y.row_seq) - Number(x.row_seq));
  const rows = found.slice(0, MAX_ABOUT_ROWS).map(toRowState);
  // The companies the people work at, so the card shows the employer too: primary-key reads.
  const companyIds = new Set<string>();
  for (const r of rows) if (r.entity === 'people' && typeof r.values.companyId === 'string') companyIds.add(r.values.companyId);
  const companies = await loadRows(
    tx,
    auth.teamId,
    [...companyIds].map((id) => ({ entity: 'companies' as const, id })),
  );
  for (const company of companies.values()) if (visible.includes(company.scope)) rows.push(company);
  return { rows, truncated: found.length > MAX_ABOUT_ROWS };
}

/** How many records a pull of (cursor, upTo] sends this user: the total of a catch-up's progress line. */
export async function countPull(tx: Db, auth: AuthContext, q: PullCountQuery): Promise<number> {
  if (q.cursor > q.upTo) throw new ApiError(400, 'BAD_CURSOR', 'cursor is above upTo.');
  const { n } = await tx
    .selectFrom('entities')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('team_id', '=', auth.teamId)
    .where('row_seq', '>', q.cursor)
    .where('row_seq', '<=', q.upTo)
    .where('scope', 'in', ['team', `user:${auth.userId}`])
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** A client id is this user's or new, as for a pull: another member's is unknown here. */
async function checkClient(tx: Db, auth: AuthContext, clientId: string): Promise<void> {
  const client = await findClient(tx, clientId);
  if (client && client.user_id !== auth.userId) throw notFound('Unknown client.');
}
