import Papa from 'papaparse';
import { peopleOf } from '../opportunities/opportunities';
import { pipeline } from '../opportunities/stages';
import type { ClydeDB } from '../storage/db';
import type { Person } from '../storage/schema';
import { isoDay } from '../storage/summaries/summary';

const HEADERS = ['Title', 'Company', 'People', 'Stage', 'Value', 'Currency', 'Expected close', 'Outcome reason', 'Sharing'];

/**
 * The live opportunities as a spreadsheet, in board order: title, company, people, stage, value,
 * expected close (ISO date), why it was won or lost, shared or private. Every text cell starting
 * with = + - @ (or a tab or return) gets a leading quote mark, so a title a page or a teammate
 * wrote never runs as a formula. Stricter than the address-book export (contacts/export.ts), which
 * spares phone numbers: no cell here is a phone number.
 */
export async function opportunitiesCsv(db: ClydeDB): Promise<string> {
  return db.transaction('r', [db.opportunities, db.companies, db.people, db.stages], async () => {
    const stages = pipeline(await db.stages.toArray());
    const order = new Map(stages.map((s, i) => [s.id, i]));
    const deals = (await db.opportunities.toArray())
      .filter((o) => !o.deleted)
      .sort((a, b) => (order.get(a.stageId) ?? stages.length) - (order.get(b.stageId) ?? stages.length) || a.title.localeCompare(b.title));
    const companies = new Map((await db.companies.toArray()).map((c) => [c.id, c]));
    const people = new Map<string, Person>();
    const ids = new Set(deals.flatMap(peopleOf));
    for (const p of await db.people.bulkGet([...ids])) if (p) people.set(p.id, p);
    // A person merged since the deal was set up is named as whoever they became.
    for (let hops = 0; hops < 5; hops++) {
      const next = [...people.values()].map((p) => p.mergedInto).filter((id): id is string => !!id && !people.has(id));
      if (!next.length) break;
      for (const p of await db.people.bulkGet(next)) if (p) people.set(p.id, p);
    }
    const nameOf = (id: string) => {
      let p = people.get(id);
      for (let hops = 0; p?.deleted && p.mergedInto && hops < 5; hops++) p = people.get(p.mergedInto);
      return p && !p.deleted ? (p.name ?? 'Unnamed') : undefined;
    };
    const stageName = new Map(stages.map((s) => [s.id, s.name]));
    return Papa.unparse(
      {
        fields: HEADERS,
        data: deals.map((o) => [
          o.title,
          (o.companyId && companies.get(o.companyId)?.name) ?? '',
          [...new Set(peopleOf(o).flatMap((id) => nameOf(id) ?? []))].join('; '),
          stageName.get(o.stageId) ?? '',
          o.value ?? '',
          o.currency ?? '',
          isoDay(o.closeAt),
          o.reason ?? '',
          o.scope === 'team' ? 'shared' : 'private',
        ]),
      },
      { escapeFormulae: true },
    );
  });
}
