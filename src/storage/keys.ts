import * as mini from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';
import { THEMES } from '../messaging/protocol';
import { PageContextSchema } from '../parsers/schema';
import { DISPLAY_MODES } from '../settings/display-mode';
import { DISPLAY_MODE_KEY, PANEL_LAYOUT_KEY } from '../settings/local-keys';
import type { ClydeDB } from './db';

/**
 * Every key Clyde keeps outside its record tables, declared once with the zod schema it is read
 * through: the Dexie `meta` table, `browser.storage.session` and `browser.storage.local`. Stored
 * values outlive builds, so a value this build does not recognise reads as missing, never as a
 * cast. A new key goes here first.
 *
 * The content side may not import storage/, so the names of the two `LOCAL` keys the mail content
 * script reads are declared in settings/local-keys.ts and taken from there. Schemas are built on
 * first use, not at load: every record write reads and writes the clock through them.
 */

type Lazy<S extends $ZodType = $ZodType> = () => S;
export type StoredValue<L extends Lazy> = output<ReturnType<L>>;

// Each built once: every record write reads and writes the clock.
const built = new Map<Lazy, $ZodType>();
const schemaOf = (make: Lazy): $ZodType => {
  let schema = built.get(make);
  if (!schema) built.set(make, (schema = make()));
  return schema;
};

/** The stored value read through its schema; undefined when missing or not what this build expects. */
export function readStored<L extends Lazy>(schema: L, value: unknown): StoredValue<L> | undefined {
  const parsed = mini.safeParse(schemaOf(schema), value);
  return parsed.success ? (parsed.data as StoredValue<L>) : undefined;
}

// --- Dexie `meta`: this device and its place in a team. Extension pages only (the token is here).

// zod's mini build, as everywhere the panel reads: its first look reads the device and team rows
// (ui/sync/share-viewer.ts), and the full build costs a cold panel its load and set-up time.
const count = () => mini.int().check(mini.nonnegative());
const scalar = () => mini.union([mini.string(), mini.number(), mini.boolean(), mini.null()]);

export const META = {
  /** This device's clientId (its clock's node id) and the owner of records made here (storage/records/clock.ts). */
  device: () => mini.strictObject({ clientId: mini.string(), userId: mini.string() }),
  /** The hybrid logical clock's last stamp (sync/hlc.ts), one per device so every context shares it. */
  hlc: () => mini.strictObject({ wall: mini.number(), counter: mini.number(), node: mini.string() }),
  /** The team server, token and ids of this device's membership (sync/client/account.ts). */
  account: () =>
    mini.strictObject({
      serverUrl: mini.string(),
      token: mini.string(),
      teamId: mini.string(),
      userId: mini.string(),
      deviceId: mini.string(),
      /** When this device last got a new token (sync/client/token-rotation.ts); absent: never. */
      tokenRotatedAt: mini.optional(mini.number()),
    }),
  /** The server sequence pulled up to. */
  cursor: () => count(),
  /** The server database's identity: another epoch means a restored or replaced server. */
  serverEpoch: () => mini.string(),
  /**
   * Local outbox keys keep counting across teams, while the server numbers a client's ops from 1.
   * `base` maps one to the other (server clientSeq = local clientSeq − base); it is fixed by the
   * first push of `clientId` and moved only when the server proves it needs other numbers (GAP).
   */
  seqBase: () => mini.strictObject({ clientId: mini.string(), base: mini.int() }),
  /** Set once this device's clientId has pushed: joining as anyone later needs a new clientId. */
  pushed: () => mini.literal(true),
  /** What the panel shows of sync: last success, last error, edits still to send. */
  syncStatus: () =>
    mini.strictObject({
      lastSyncAt: mini.optional(mini.number()),
      lastError: mini.optional(mini.strictObject({ code: mini.string(), message: mini.string() })),
      /** When sync tries again after `lastError` (backoff); absent when only a change can help. */
      retryAt: mini.optional(mini.number()),
      pending: count(),
    }),
  /** This member's role in the team, from the server (sync/client/team-details.ts): admins may delete teammates' shared records. */
  role: () => mini.enum(['admin', 'member']),
  /**
   * This user's edits that lost to a concurrent one, newest first (sync/client/lost-edits.ts): what
   * they wrote, what won, and who wrote it once the server has named them.
   */
  lostEdits: () =>
    mini.array(
      mini.strictObject({
        entity: mini.string(),
        id: mini.string(),
        field: mini.string(),
        mine: scalar(),
        theirs: scalar(),
        /** The winning stamp: its node is the writer's clientId, its wall time when they wrote. */
        hlc: mini.string(),
        by: mini.optional(mini.strictObject({ name: mini.string(), self: mini.boolean() })),
      }),
    ),
  /**
   * A catch-up of more than one pull page in progress (sync/client/catch-up.ts): records applied
   * of those the server counted for it, shown as "42,000 of 100,000"; gone once caught up.
   */
  catchUp: () => mini.strictObject({ done: count(), total: count(), upTo: count() }),
} as const;
export type MetaKey = keyof typeof META;
export type MetaValue<K extends MetaKey> = StoredValue<(typeof META)[K]>;

/** Keys that describe this device's place in one team; all go when it joins another or leaves. */
export const TEAM_META_KEYS: MetaKey[] = ['account', 'cursor', 'serverEpoch', 'seqBase', 'syncStatus', 'role', 'lostEdits', 'catchUp'];

// Dexie's own promises, not async functions: the clock is read and written inside every write's
// transaction, and each extra native await there is one more step where Dexie must carry the
// transaction along (with concurrent transactions it lost it: PrematureCommitError).
export function getMeta<K extends MetaKey>(db: ClydeDB, key: K): Promise<MetaValue<K> | undefined> {
  return db.meta.get(key).then((row) => readStored(META[key] as Lazy, row?.value) as MetaValue<K> | undefined);
}

/** Throws at once, writing nothing, on a value its schema refuses. */
export function setMeta<K extends MetaKey>(db: ClydeDB, key: K, value: MetaValue<K>): Promise<void> {
  return db.meta.put({ key, value: mini.parse(schemaOf(META[key]), value) }).then(() => undefined);
}

// --- `browser.storage.session`: per tab, written by the background, readable only by extension pages.

export const SESSION = {
  /** The tab's page context: what its content script (or "Read this page") last reported, and when. */
  context: {
    name: (tabId: number) => `context:${tabId}`,
    schema: () => mini.strictObject({ context: mini.nullable(PageContextSchema), at: mini.number() }),
  },
  /** The theme the tab's page shows, as its content script last reported it (`page/theme`). */
  theme: { name: (tabId: number) => `theme:${tabId}`, schema: () => mini.enum(THEMES) },
  /** The key of the person picked in the tab's panel (`panel/picked`), or null for the first. */
  pick: { name: (tabId: number) => `pick:${tabId}`, schema: () => mini.nullable(mini.string()) },
} as const;
export type TabContext = StoredValue<typeof SESSION.context.schema>;

// --- `browser.storage.local`: settings and reminder bookkeeping, not CRM data. The mail content
// script reads the display modes and panel layout with plain checks instead of these schemas: its
// gzipped size is budgeted to a few bytes, fewer than parsing with zod costs there. keys.test.ts
// holds those readers to the schemas.

/** A field its schema refuses reads as missing, so one bad field (a mode from a newer build) does not lose the others. */
const loose = <S extends $ZodType>(s: S) => mini.catch(mini.optional(s), undefined);
/** Not an object at all reads as an empty one: every field missing. */
const fields = <S extends $ZodType>(s: S) => mini.catch(s, {} as output<S>);

export const LOCAL = {
  /** Injected panel or side panel, per webmail site (settings/display-mode.ts). */
  displayModes: {
    name: DISPLAY_MODE_KEY,
    schema: () => {
      const mode = loose(mini.enum(DISPLAY_MODES));
      return fields(mini.object({ gmail: mode, outlook: mode }));
    },
  },
  /** Daily digest on or off and when (minutes after local midnight); due-time reminders on or off (settings/reminders.ts). */
  reminders: {
    name: 'settings:reminders',
    schema: () => {
      const flag = loose(mini.boolean());
      return fields(
        mini.object({
          digest: flag,
          digestAt: loose(mini.number().check(mini.int(), mini.minimum(0), mini.maximum(1439))),
          dueTimes: flag,
        }),
      );
    },
  },
  /**
   * What the reminders have shown (background/reminders/): the local day of the last digest and
   * the moment up to which due times were handled, so a worker that restarts, or a browser that
   * opens late, shows what was missed today once and nothing twice.
   */
  remindersShown: {
    name: 'reminders:shown',
    schema: () => fields(mini.object({ digestDay: loose(mini.string()), dueUpTo: loose(mini.number()) })),
  },
  /** Set when the welcome page has opened once (background/welcome.ts), so it never opens by itself again. */
  welcomeOpened: {
    name: 'welcome:opened',
    schema: () => mini.literal(true),
  },
  /** Width and collapsed state of the injected panel (content/panel-layout.ts). */
  panelLayout: {
    name: PANEL_LAYOUT_KEY,
    schema: () => {
      const width = loose(mini.custom<number>((v) => typeof v === 'number'));
      return fields(mini.object({ width, collapsed: loose(mini.custom<boolean>((v) => typeof v === 'boolean')) }));
    },
  },
} as const;
