import type { InviteResponse, Role } from '../src/sync/account-protocol';
import { hashSecret, newSecret } from './http/secrets';
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

/** The link printed for people: the code sits in the fragment, which browsers never send to servers. */
export function inviteLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/join#${code}`;
}
