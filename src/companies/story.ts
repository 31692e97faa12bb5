import { peopleOf } from '../opportunities/opportunities';
import { pipeline, type StageView } from '../opportunities/stages';
import type { ClydeDB } from '../storage/db';
import type { Company, Note, Opportunity, Person } from '../storage/schema';

/** A deal with the stage it stands in. */
export interface DealView {
  opportunity: Opportunity;
  stage: StageView;
}

/**
 * A company's story as the panel tells it to a new correspondent, or on the company's page: the
 * colleagues Clyde knows, the newest complaint about any of them (or the company itself), and the
 * open deals. Read from the indexes: a company's people and deals by `companyId`.
 */
export interface CompanyStory {
  company: Company;
  colleagues: Person[];
  lastComplaint?: { note: Note; person?: Person };
  openDeals: DealView[];
}

/** The company an id points at, following merges; undefined when it is gone. */
export async function liveCompany(db: ClydeDB, id: string | null | undefined): Promise<Company | undefined> {
  for (let hops = 0; id && hops < 10; hops++) {
    const company: Company | undefined = await db.companies.get(id);
    if (!company) return undefined;
    if (!company.mergedInto) return company.deleted ? undefined : company;
    id = company.mergedInto;
  }
  return undefined;
}

async function stagesById(db: ClydeDB): Promise<Map<string, StageView>> {
  return new Map(pipeline(await db.stages.toArray()).map((s) => [s.id, s]));
}

const inPipeline = (stages: Map<string, StageView>, rows: Opportunity[]): DealView[] =>
  rows.flatMap((o) => {
    const stage = stages.get(o.stageId);
    return !o.deleted && stage ? [{ opportunity: o, stage }] : [];
  });

/** A company's deals, by stage, newest in its stage first. */
export async function dealsOf(db: ClydeDB, companyId: string): Promise<DealView[]> {
  const stages = await stagesById(db);
  const deals = inPipeline(stages, await db.opportunities.where('companyId').equals(companyId).toArray());
  return deals.sort((a, b) => a.stage.order - b.stage.order || b.opportunity.stageAt - a.opportunity.stageAt);
}

export async function companyStory(db: ClydeDB, companyId: string): Promise<CompanyStory | undefined> {
  const company = await liveCompany(db, companyId);
  if (!company) return undefined;
  const [colleagues, deals] = await Promise.all([
    db.people
      .where('companyId')
      .equals(company.id)
      .filter((p) => !p.deleted && !p.mergedInto)
      .toArray(),
    dealsOf(db, company.id),
  ]);
  const complaints = await db.notes
    .where('personId')
    .anyOf([company.id, ...colleagues.map((p) => p.id)])
    .filter((n) => n.tag === 'complaint' && !n.deleted)
    .toArray();
  const newest = complaints.sort((a, b) => b.occurredAt - a.occurredAt)[0];
  return {
    company,
    colleagues: colleagues.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
    lastComplaint: newest && { note: newest, person: colleagues.find((p) => p.id === newest.personId) },
    openDeals: deals.filter((d) => d.stage.outcome === 'open'),
  };
}

/** The open deals a person is on, by name or through their company. */
export async function openDealsFor(db: ClydeDB, person: Person): Promise<DealView[]> {
  const stages = await stagesById(db);
  const openIds = [...stages.values()].filter((s) => s.outcome === 'open').map((s) => s.id);
  const rows = await db.opportunities
    .where('stageId')
    .anyOf(openIds)
    .filter((o) => (!!person.companyId && o.companyId === person.companyId) || peopleOf(o).includes(person.id))
    .toArray();
  return inPipeline(stages, rows).sort((a, b) => a.stage.order - b.stage.order);
}
