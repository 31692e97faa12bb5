import { z } from 'zod';

/**
 * Wire schemas for joining a team server and managing devices, shared by the extension and the
 * server. A token is shown once, in the join response; the server keeps only its SHA-256 hash.
 */

/** Invite codes and bearer tokens: base64url of 32 random bytes, with a readable prefix. */
export const InviteCodeSchema = z.string().regex(/^inv_[A-Za-z0-9_-]{43}$/);
const DeviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** Shown in lists: one line of printable text (PostgreSQL also refuses NUL in text). */
const Name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/);

export const JoinRequestSchema = z
  .object({
    code: InviteCodeSchema,
    deviceName: Name,
    /** Shown to teammates; only used when the invite makes a new member. */
    userName: Name.optional(),
  })
  .strict();
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

export const JoinResponseSchema = z
  .object({ token: z.string(), teamId: z.string(), userId: z.string(), deviceId: DeviceIdSchema })
  .strict();
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

const RoleSchema = z.enum(['admin', 'member']);
export type Role = z.infer<typeof RoleSchema>;

/** An admin invites a new member; invites are multi-use up to `maxUses` until they expire. */
export const CreateInviteRequestSchema = z
  .object({
    role: RoleSchema.default('member'),
    maxUses: z.number().int().min(1).max(100).default(1),
    ttlHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(72),
  })
  .strict();

export const InviteResponseSchema = z.object({ code: InviteCodeSchema, expiresAt: z.number() }).strict();
export type InviteResponse = z.infer<typeof InviteResponseSchema>;

/**
 * The link people pass on (read back by parseInvite): the code sits in the fragment, which
 * browsers never send to servers, and the rest names the server to connect to.
 */
export function inviteLink(serverUrl: string, code: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/join#${code}`;
}

/**
 * Revoke one of your own devices; an admin may revoke any device in the team. Revoking a device
 * also revokes the links it made and, transitively, the devices that joined with them.
 */
export const RevokeDeviceRequestSchema = z.object({ deviceId: DeviceIdSchema }).strict();

/**
 * An admin disables a member (every device and every unused link or invite of theirs at once)
 * or re-enables one. Re-enabling leaves the old devices revoked; its answer is a single-use link
 * (an `InviteResponse`) that adds a new device to them, for the admin to pass on.
 */
export const MemberRequestSchema = z.object({ userId: DeviceIdSchema }).strict();

/**
 * `POST /v1/account/token`: a new token for the calling device. The old one keeps working until
 * the new one is first used, so a lost answer locks nobody out; after that the old one is refused.
 */
export const RotateTokenResponseSchema = z.object({ token: z.string().regex(/^tok_[A-Za-z0-9_-]{43}$/) }).strict();

const DeviceSchema = z
  .object({
    id: DeviceIdSchema,
    name: z.string(),
    createdAt: z.number(),
    lastSeenAt: z.number().nullable(),
    /** The device whose link this one joined with; null when it joined with an invite. */
    linkedBy: z.string().nullable(),
    current: z.boolean(),
  })
  .strict();
export type Device = z.infer<typeof DeviceSchema>;

/** `expired`: unused for longer than the server's idle limit (default 90 days); refused like revoked. */
const DeviceStatusSchema = z.enum(['active', 'revoked', 'expired']);
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

/** A device as an admin's team list shows it: the member's own view of it, with its status instead of "this one". */
const TeamDeviceSchema = DeviceSchema.omit({ current: true })
  .extend({ status: DeviceStatusSchema, revokedAt: z.number().nullable() })
  .strict();
export type TeamDevice = z.infer<typeof TeamDeviceSchema>;

const TeamMemberSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: RoleSchema,
    createdAt: z.number(),
    disabledAt: z.number().nullable(),
    /** Device links and invites this member made that can still be used. */
    openLinks: z.number().int().nonnegative(),
    devices: z.array(TeamDeviceSchema),
  })
  .strict();
export type TeamMember = z.infer<typeof TeamMemberSchema>;

/** `GET /v1/team` (admins only): every member and every device, revoked ones included. */
export const TeamResponseSchema = z.object({ members: z.array(TeamMemberSchema) }).strict();
export type TeamResponse = z.infer<typeof TeamResponseSchema>;

export const MeResponseSchema = z
  .object({
    userId: z.string(),
    userName: z.string(),
    role: RoleSchema,
    teamId: z.string(),
    teamName: z.string(),
    deviceId: DeviceIdSchema,
    devices: z.array(DeviceSchema),
  })
  .strict();
export type MeResponse = z.infer<typeof MeResponseSchema>;
