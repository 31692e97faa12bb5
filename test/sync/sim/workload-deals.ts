import { DEFAULT_STAGES, pipeline } from '../../../src/opportunities/stages';
import { addNote } from '../../../src/storage/records/notes';
import { addPreference } from '../../../src/storage/records/preferences';
import { addTask } from '../../../src/storage/records/tasks';
import { deleteRecord, writeRecord } from '../../../src/storage/records/write';
import { COMPANY_ID_PREFIX } from '../../../src/storage/company-id';
import { anyRecord, type SimOp } from './pick';

/**
 * Record schema 3 in the simulation: companies, people linked to them, a company's own notes,
 * facts and tasks, opportunities moving through stages, and stage edits. Records are written the
 * way the sync layer sees any mutator write them (writeRecord), so the simulation does not wait
 * on the company and opportunity mutators. Small pools again, so that edits collide.
 */

const COMPANIES = ['Acme', 'Globex', 'Initech'];
const DEALS = ['Rollout', 'Renewal', 'Pilot'];
/** A stage the team adds; the defaults become records when edited, under their own ids. */
const ADDED_STAGE = { id: 'stage-demo', name: 'Demo', order: 2.5, outcome: 'open', idleDays: 5 } as const;

export const DEAL_OPS: [weight: number, op: SimOp][] = [
  [
    2,
    (c, rng) => {
      const name = rng.pick(COMPANIES)!;
      const id = `${COMPANY_ID_PREFIX}${crypto.randomUUID()}`;
      const scope = rng.chance(0.3) ? 'team' : undefined;
      return c.write((db) => writeRecord(db, 'companies', id, { name, domains: `${name.toLowerCase()}.com`, scope }, { create: true }));
    },
  ],
  [
    2,
    async (c, rng) => {
      // Link someone to a company, or (now and then) unlink them.
      const p = await anyRecord(c, rng, 'people');
      const co = await anyRecord(c, rng, 'companies');
      return !!p && c.write((db) => writeRecord(db, 'people', p.id, { companyId: co && rng.chance(0.8) ? co.id : null }));
    },
  ],
  [
    2,
    async (c, rng) => {
      // A company's own timeline, Remember list and tasks: records whose subject is the company.
      const co = await anyRecord(c, rng, 'companies');
      if (!co) return false;
      const r = rng.next();
      return c.write((db) =>
        r < 0.4
          ? addNote(db, co.id, { body: `about ${co.id.slice(3, 7)} ${rng.int(0, 99)}` })
          : r < 0.7
            ? addPreference(db, co.id, `billing: net ${rng.int(1, 6) * 15}`)
            : addTask(db, co.id, `call ${rng.int(0, 99)}`),
      );
    },
  ],
  [
    2,
    async (c, rng) => {
      const co = await anyRecord(c, rng, 'companies');
      const people = [await anyRecord(c, rng, 'people'), await anyRecord(c, rng, 'people')].flatMap((p) => (p ? [p.id] : []));
      const stages = pipeline(await c.db.stages.toArray());
      return c.write((db) =>
        writeRecord(
          db,
          'opportunities',
          crypto.randomUUID(),
          {
            title: rng.pick(DEALS)!,
            companyId: co?.id ?? null,
            personIds: [...new Set(people)].join(' '),
            stageId: rng.pick(stages)?.id ?? DEFAULT_STAGES[0]!.id,
            stageAt: Date.now(),
            value: rng.chance(0.7) ? rng.int(1, 100) * 1000 : null,
            currency: 'EUR',
          },
          { create: true },
        ),
      );
    },
  ],
  [
    3,
    async (c, rng) => {
      // Anyone on the team moves a shared deal: concurrent moves and renames merge per field.
      const o = await anyRecord(c, rng, 'opportunities');
      if (!o) return false;
      const stage = rng.pick(pipeline(await c.db.stages.toArray()));
      return c.write((db) =>
        rng.chance(0.8) && stage
          ? writeRecord(db, 'opportunities', o.id, { stageId: stage.id, stageAt: Date.now() })
          : writeRecord(db, 'opportunities', o.id, { title: `${rng.pick(DEALS)!} ${rng.int(0, 9)}`, value: rng.int(1, 100) * 1000 }),
      );
    },
  ],
  [
    1,
    async (c, rng) => {
      // The deal's next step: a task about its company (or one of its people) linked to it.
      const o = (await anyRecord(c, rng, 'opportunities')) as { id: string; companyId?: string | null; personIds?: string } | undefined;
      const subject = o?.companyId ?? o?.personIds?.split(' ').find(Boolean);
      if (!o || !subject) return false;
      const task = { personId: subject, title: `next step ${rng.int(0, 9)}`, done: false, opportunityId: o.id };
      return c.write((db) => writeRecord(db, 'tasks', crypto.randomUUID(), task, { create: true }));
    },
  ],
  [
    2,
    async (c, rng) => {
      // Edit a stage: a default becomes a shared record under its own id on its first edit, so two
      // teammates editing "Lead" before either has synced create the same record.
      const stage = rng.pick([...DEFAULT_STAGES, ADDED_STAGE])!;
      const stored = await c.db.stages.get(stage.id);
      const name = `${stage.name}${rng.chance(0.5) ? '' : ` ${rng.int(1, 9)}`}`;
      const idleDays = stage.outcome === 'open' ? rng.int(3, 30) : null;
      if (stored && !stored.deleted) return c.write((db) => writeRecord(db, 'stages', stage.id, { name, idleDays }));
      const fields = { name, order: stage.order, outcome: stage.outcome, idleDays, deleted: false };
      return c.write((db) => writeRecord(db, 'stages', stage.id, stored ? fields : { ...fields, scope: 'team' }, { create: !stored }));
    },
  ],
  [
    1,
    async (c, rng) => {
      const entity = rng.pick(['companies', 'opportunities', 'stages'] as const)!;
      const r = await anyRecord(c, rng, entity);
      return !!r && c.write((db) => deleteRecord(db, entity, r.id));
    },
  ],
];
