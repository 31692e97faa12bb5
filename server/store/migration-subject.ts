import type { Kysely, Migration } from 'kysely';
import { subjectColumns } from './subject';

// Kysely's migration API takes an untyped Kysely: migrations must not depend on today's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type AnyDb = Kysely<any>;

const BACKFILL_PAGE = 1000;

/**
 * Who a record is about, as columns the prioritized pull (store/about.ts) can look up through an
 * index on both stores: `person_id` (a person's own id, or the `personId` of a record about one)
 * and `lookup` (an identity's `kind:value`). Field values stay JSON text, which neither store can
 * index the same way, so the two are copied out of it on every write (queries.ts `writeRows`).
 */
export const entitiesSubject: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('entities').addColumn('person_id', 'text').execute();
    await db.schema.alterTable('entities').addColumn('lookup', 'text').execute();
    // Rows written before this migration: filled in pages in key order, so memory stays flat.
    let after: { team_id: string; entity: string; id: string } | undefined;
    for (;;) {
      const page: { team_id: string; entity: string; id: string; field_values: string }[] = await db
        .selectFrom('entities')
        .select(['team_id', 'entity', 'id', 'field_values'])
        .$if(after !== undefined, (q) =>
          q.where((eb) =>
            eb.or([
              eb('team_id', '>', after!.team_id),
              eb.and([eb('team_id', '=', after!.team_id), eb('entity', '>', after!.entity)]),
              eb.and([eb('team_id', '=', after!.team_id), eb('entity', '=', after!.entity), eb('id', '>', after!.id)]),
            ]),
          ),
        )
        .orderBy('team_id')
        .orderBy('entity')
        .orderBy('id')
        .limit(BACKFILL_PAGE)
        .execute();
      for (const row of page) {
        const { person_id, lookup } = subjectColumns(row.entity, row.id, JSON.parse(row.field_values) as Record<string, unknown>);
        if (person_id === null && lookup === null) continue;
        await db
          .updateTable('entities')
          .set({ person_id, lookup })
          .where('team_id', '=', row.team_id)
          .where('entity', '=', row.entity)
          .where('id', '=', row.id)
          .execute();
      }
      if (page.length < BACKFILL_PAGE) break;
      after = page[page.length - 1];
    }
    // With row_seq, one person's newest records are a backward walk of this index.
    await db.schema.createIndex('entities_person').on('entities').columns(['team_id', 'person_id', 'row_seq']).execute();
    await db.schema.createIndex('entities_lookup').on('entities').columns(['team_id', 'lookup']).execute();
  },
};
