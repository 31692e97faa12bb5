import type { Writer } from '../../src/sync/writers-protocol';
import type { Db } from './queries';

/** The team's members behind these clientIds (src/sync/writers-protocol.ts); other teams' ids match nothing. */
export async function writersOf(tx: Db, teamId: string, clientIds: readonly string[]): Promise<Writer[]> {
  return tx
    .selectFrom('clients as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.client_id as clientId', 'u.id as userId', 'u.name as name'])
    .where('c.team_id', '=', teamId)
    .where('u.team_id', '=', teamId)
    .where('c.client_id', 'in', [...clientIds])
    .execute();
}
