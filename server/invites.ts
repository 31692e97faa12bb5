import type { InviteResponse, Role } from '../src/sync/account-protocol';
import { hashSecret, newSecret } from './http/secrets';
import type { ReturnLink } from './store/devices';
import type { SyncStore } from './store/types';

export interface InviteSpec {
  teamId: string;
  role: Role;
  /** A device link for this member rather than an invite for a new one. */
  userId: string | null;
  createdBy: string | null;
  /** The device that made it (absent: the server's own); revoking that device revokes the invite. */
  createdByDevice?: string;
  maxUses: number;
  expiresAt: number;
}

/** Makes an invite code; only its hash is stored, so the code is shown exactly once. */
export async function issueInvite(store: SyncStore, now: number, spec: InviteSpec): Promise<InviteResponse> {
  const code = newSecret('inv');
  await store.createInvite({ ...spec, createdByDevice: spec.createdByDevice ?? null, codeHash: hashSecret(code), now });
  return { code, expiresAt: spec.expiresAt };
}

/** The server prints the same links the options page shows. */
export { inviteLink } from '../src/sync/account-protocol';

/**
 * A fresh link for a re-enabled member (store.enableMember), made by an admin (or, with no maker,
 * by the server's command). It is passed on by hand, so it lives as long as an invite rather than
 * the 15 minutes of a link a member makes for themselves.
 */
export function newReturnLink(now: number, createdBy: string | null = null, createdByDevice: string | null = null) {
  const code = newSecret('inv');
  const link: ReturnLink = { codeHash: hashSecret(code), createdBy, createdByDevice, expiresAt: now + RETURN_LINK_TTL_MS };
  return { code, link };
}

const RETURN_LINK_TTL_MS = 72 * 3_600_000;
