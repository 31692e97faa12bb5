import { canonicalEmail, identityId } from '../../src/storage/records/canonical';
import { ENTITY_SCHEMAS, type Entity, type RecordOf, type Tag } from '../../src/storage/schema';
import { formatHlc } from '../../src/sync/hlc';
import type { PersonalRow } from '../../src/storage/summaries/personal';
import type { Summary } from '../../src/storage/summaries/summary';
import { summarizeRecords } from '../../src/storage/summaries/upkeep';

/**
 * Builds valid stored records directly, for seeding a browser profile with thousands of people
 * fast (the demo and the benchmarks). Each record is checked against the same zod schema the
 * mutators use, so seeded data is data the app could have written itself.
 */
export type Seed = { [E in Entity]: RecordOf<E>[] };

/** Who owns seeded records; a demo makes the browser's user this one (seedExtension's `asOwner`), so they are its own. */
export const SEED_OWNER = 'local-seed';
let counter = 0;

function envelope(fields: Record<string, unknown>, at: number) {
  const hlc = formatHlc({ wall: at, counter: counter++ % 1000, node: 'seed' });
  const clocks = Object.fromEntries(['scope', 'ownerId', 'deleted', ...Object.keys(fields)].map((k) => [k, hlc]));
  return { scope: `user:${SEED_OWNER}`, ownerId: SEED_OWNER, deleted: false, rowSeq: 0, updatedAt: at, clocks, ...fields };
}

function check<E extends Entity>(entity: E, row: Record<string, unknown>): RecordOf<E> {
  return ENTITY_SCHEMAS[entity].parse(row) as RecordOf<E>;
}

export function emptySeed(): Seed {
  return { people: [], identities: [], notes: [], preferences: [], tasks: [], companies: [], stages: [], opportunities: [] };
}

export interface PersonSpec {
  name: string;
  email: string;
  company?: string;
  /** The company record they work for (addCompany). */
  companyId?: string;
  notes?: { body: string; occurredAt: number; kind?: 'note' | 'email' | 'call' | 'meeting'; tag?: Tag; eventAt?: number }[];
  facts?: { key: string; value: string; pinned?: boolean }[];
  tasks?: { title: string; due?: number }[];
}

export function addPerson(seed: Seed, spec: PersonSpec, at = Date.now()): string {
  const personId = crypto.randomUUID();
  seed.people.push(
    check(
      'people',
      envelope({ id: personId, name: spec.name, company: spec.company, ...(spec.companyId && { companyId: spec.companyId }) }, at),
    ),
  );
  const value = canonicalEmail(spec.email);
  if (!value) throw new Error(`Seed address is invalid: ${spec.email}`);
  seed.identities.push(
    check('identities', envelope({ id: identityId(personId, 'email', value), personId, kind: 'email', value, display: spec.email }, at)),
  );
  for (const n of spec.notes ?? []) {
    seed.notes.push(
      check(
        'notes',
        envelope(
          {
            id: crypto.randomUUID(),
            personId,
            kind: n.kind ?? 'note',
            body: n.body,
            occurredAt: n.occurredAt,
            ...(n.tag && { tag: n.tag }),
            ...(n.eventAt !== undefined && { eventAt: n.eventAt }),
          },
          at,
        ),
      ),
    );
  }
  for (const f of spec.facts ?? []) {
    seed.preferences.push(
      check('preferences', envelope({ id: crypto.randomUUID(), personId, key: f.key, value: f.value, pinned: f.pinned ?? false }, at)),
    );
  }
  for (const t of spec.tasks ?? []) {
    seed.tasks.push(check('tasks', envelope({ id: crypto.randomUUID(), personId, title: t.title, due: t.due, done: false }, at)));
  }
  return personId;
}

export function addCompany(seed: Seed, spec: { name: string; domains?: string[] }, at = Date.now()): string {
  const id = `co-${crypto.randomUUID()}`;
  seed.companies.push(check('companies', envelope({ id, name: spec.name, ...(spec.domains && { domains: spec.domains.join(' ') }) }, at)));
  return id;
}

export interface OpportunitySpec {
  title: string;
  companyId?: string;
  personIds?: string[];
  /** A default stage id (opportunities/stages.ts); Lead if not given. */
  stageId?: string;
  value?: number;
  currency?: string;
}

/** A deal last touched at `at`: it entered its stage then, and no field of it changed since. */
export function addOpportunity(seed: Seed, spec: OpportunitySpec, at = Date.now()): string {
  const id = crypto.randomUUID();
  const { personIds, stageId = 'stage-lead', ...rest } = spec;
  seed.opportunities.push(
    check('opportunities', envelope({ id, ...rest, personIds: personIds?.join(' ') ?? '', stageId, stageAt: at }, at)),
  );
  return id;
}

/** `people` synthetic customers with `notesEach` notes each, for benchmarks. */
export function syntheticSeed(people: number, notesEach: number): Seed {
  const seed = emptySeed();
  const now = Date.now();
  for (let i = 0; i < people; i++) {
    addPerson(
      seed,
      {
        name: `Customer ${i}`,
        email: `customer${i}@example.com`,
        company: `Company ${i % 500}`,
        notes: Array.from({ length: notesEach }, (_, j) => ({
          body: `Note ${j} about customer ${i}: called about the order, wants delivery on Tuesdays.`,
          occurredAt: now - j * 3_600_000,
        })),
        facts: [{ key: 'order', value: `${(i % 5) + 1} bags` }],
      },
      now,
    );
  }
  return seed;
}

/**
 * The Home summaries the write path would have kept for these records (storage/summaries/upkeep.ts).
 * A seed is written straight into IndexedDB, around that path, so it brings its summaries along.
 */
export const summariesOf = (seed: Seed, personal: readonly PersonalRow[] = []): Summary[] =>
  summarizeRecords(seed.people, seed.notes, seed.tasks, [...personal]);
