import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshClientDb } from '../../test/support/db';
import { inTimeZone } from '../../test/support/time-zone';
import type { ClydeDB } from '../storage/db';
import { mergePeople } from '../storage/people/merge-people';
import { createPerson } from '../storage/records/people';
import { writeRecord } from '../storage/records/write';
import type { Opportunity } from '../storage/schema';
import { createCompany } from './companies';
import { opportunitiesCsv } from './opportunities-csv';

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

const deal = (fields: Partial<Opportunity> & Pick<Opportunity, 'title'>) =>
  writeRecord(db, 'opportunities', crypto.randomUUID(), { stageId: 'stage-lead', stageAt: 0, ...fields }, { create: true });

const rows = async () => Papa.parse<Record<string, string>>(await opportunitiesCsv(db), { header: true }).data;

describe('opportunitiesCsv (Europe/Lisbon)', () => {
  inTimeZone('Europe/Lisbon');

  it('one row per live opportunity in board order, with names where the records hold ids', async () => {
    const acme = await createCompany(db, { name: 'Acme, Lda' });
    const ana = await createPerson(db, { name: 'Lima, Ana' });
    const bia = await createPerson(db, { name: 'Bia' });
    const old = await createPerson(db, { name: 'Bia (old)' });
    await mergePeople(db, old.id, bia.id);
    await writeRecord(db, 'stages', 'stage-proposal', { name: 'Offer sent', order: 3, outcome: 'open' }, { create: true });
    await deal({
      title: 'Harvest order',
      companyId: acme.id,
      personIds: `${ana.id} ${old.id}`,
      stageId: 'stage-proposal',
      value: 1200.5,
      currency: 'EUR',
      closeAt: new Date(2027, 2, 31).getTime(),
      scope: 'team',
    });
    await deal({ title: 'Lost one', stageId: 'stage-lost', reason: 'Price: "too high"\nthey said' });
    await deal({ title: 'Deleted', deleted: true });
    await deal({ title: 'A lead' });

    const csv = await opportunitiesCsv(db);
    expect(csv.split('\r\n')[0]).toBe('Title,Company,People,Stage,Value,Currency,Expected close,Outcome reason,Sharing');
    expect(await rows()).toEqual([
      {
        Title: 'A lead',
        Company: '',
        People: '',
        Stage: 'Lead',
        Value: '',
        Currency: '',
        'Expected close': '',
        'Outcome reason': '',
        Sharing: 'private',
      },
      {
        Title: 'Harvest order',
        Company: 'Acme, Lda',
        People: 'Lima, Ana; Bia',
        Stage: 'Offer sent',
        Value: '1200.5',
        Currency: 'EUR',
        'Expected close': '2027-03-31',
        'Outcome reason': '',
        Sharing: 'shared',
      },
      expect.objectContaining({ Title: 'Lost one', Stage: 'Lost', 'Outcome reason': 'Price: "too high"\nthey said' }),
    ]);
  });

  it('neutralises every text cell a spreadsheet would run as a formula, and reads back', async () => {
    const evil = ['=HYPERLINK("https://evil.example","x")', '+1 big deal', '-50% discount', '@SUM(A1:A9)', '\tTabbed'];
    const acme = await createCompany(db, { name: '=cmd|calc' });
    const ana = await createPerson(db, { name: '@ana' });
    for (const title of evil) await deal({ title, companyId: acme.id, personIds: ana.id, reason: title });
    const csv = await opportunitiesCsv(db);
    const back = Papa.parse<string[]>(csv).data.slice(1);
    for (const row of back) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(back.map((r) => r[0]).sort()).toEqual(evil.map((t) => `'${t}`).sort());
    expect(new Set(back.map((r) => [r[1], r[2]].join('|')))).toEqual(new Set(["'=cmd|calc|'@ana"]));
  });

  it('an empty pipeline is the header row alone', async () => {
    expect(await opportunitiesCsv(db)).toBe('Title,Company,People,Stage,Value,Currency,Expected close,Outcome reason,Sharing\r\n');
  });
});
