import type { Generated } from 'kysely';
import type { Role } from '../../src/sync/account-protocol';

/** Row types of the server tables (store/migrations.ts), as Kysely sees them. */

interface TeamsTable {
  id: string;
  name: string;
  seq: number;
  epoch: string;
  created_at: number;
  /** Bytes of records and op log the team holds (store/quota.ts); migration 0003. */
  used_bytes: Generated<number>;
}

interface UsersTable {
  id: string;
  team_id: string;
  name: string;
  role: Role;
  created_at: number;
  disabled_at: number | null;
}

interface DevicesTable {
  id: string;
  team_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
  /** The device whose link this one joined with (null: an admin invite or the server's). */
  minted_by: string | null;
  /** Issued by a rotation and not used yet; its first use retires `token_hash`. */
  next_token_hash: string | null;
  /** The token the last completed rotation retired. */
  prev_token_hash: string | null;
  token_rotated_at: number | null;
}

interface InvitesTable {
  code_hash: string;
  team_id: string;
  role: Role;
  user_id: string | null;
  created_by: string | null;
  max_uses: number;
  uses: number;
  expires_at: number;
  created_at: number;
  created_by_device: string | null;
  revoked_at: number | null;
}

interface ClientsTable {
  client_id: string;
  team_id: string;
  user_id: string;
  last_client_seq: number;
  last_seen_at: number;
  /** The cursor of the device's latest pull: it has every change through it. Migration 0003. */
  pulled_seq: Generated<number>;
}

interface EntitiesTable {
  team_id: string;
  entity: string;
  id: string;
  scope: string;
  owner_id: string;
  field_values: string;
  clocks: string;
  row_seq: number;
  updated_at: number;
  /** Who the record is about, copied from its values for the prioritized pull (store/subject.ts). */
  person_id: string | null;
  lookup: string | null;
}

export interface EvictionsTable {
  team_id: string;
  seq: number;
  entity: string;
  id: string;
  from_scope: string;
}

type OpOutcome = 'applied' | 'partial' | 'superseded' | 'rejected';

export interface OpLogTable {
  client_id: string;
  client_seq: number;
  team_id: string;
  seq: number;
  user_id: string;
  entity: string;
  id: string;
  /** The names of the fields the op set, as a JSON array: never their values (migration 0003). */
  fields: string;
  hlc: string;
  final_hlc: string;
  outcome: OpOutcome;
  reject_code: string | null;
  reject_message: string | null;
  received_at: number;
}

export interface DB {
  teams: TeamsTable;
  users: UsersTable;
  devices: DevicesTable;
  invites: InvitesTable;
  clients: ClientsTable;
  entities: EntitiesTable;
  evictions: EvictionsTable;
  op_log: OpLogTable;
}
