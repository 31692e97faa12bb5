import { beforeEach, describe, expect, it } from 'vitest';
import type { PageContext } from '../parsers/schema';
import type { ClydeDB } from '../storage/db';
import { freshClientDb } from '../../test/support/db';
import { findPersonForCorrespondent } from '../storage/records/identity-lookup';
import { addNeverLog } from '../storage/records/never-log';
import { timelineFor } from '../storage/records/notes';
import { addToLogged, emailEntry, logEmail } from './email-log';
import { addQuote } from './quote';
import { recentComplaints, relativeDay } from './coming-up';
import { dayOf } from '../storage/summaries/summary';

const context: PageContext = {
  site: 'gmail',
  view: 'thread',
  people: [
    { name: 'Bruno Costa', email: 'bruno.costa@example.org', role: 'from' },
    { email: 'carla.mendes@example.net', role: 'cc' },
  ],
  thread: { id: '198c6747aabb71a9', subject: 'Quarterly review' },
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWk',
};
const bruno = context.people[0]!;

let db: ClydeDB;
beforeEach(() => {
  db = freshClientDb().db;
});

describe('logging an email', () => {
  it('keeps subject, participants and a link back, without the body unless text was selected', async () => {
    const entry = emailEntry(context)!;
    expect(entry).toEqual({
      threadKey: 'gmail:198c6747aabb71a9',
      subject: 'Quarterly review',
      participants: ['Bruno Costa <bruno.costa@example.org>', 'carla.mendes@example.net'],
      url: context.url,
    });
    const { note, created } = await logEmail(db, bruno, entry, undefined, 1000);
    expect(created).toBe(true);
    expect(note).toMatchObject({
      kind: 'email',
      body: 'Email: Quarterly review\nWith: Bruno Costa <bruno.costa@example.org>, carla.mendes@example.net',
      sourceUrl: context.url,
      threadKey: 'gmail:198c6747aabb71a9',
      occurredAt: 1000,
    });
    expect(emailEntry({ ...context, view: 'list' })).toBeUndefined();
    expect(emailEntry({ ...context, url: 'javascript:alert(1)' })?.url).toBeUndefined();
  });

  it('never duplicates a thread, even on two presses at once, and adds a new selection to the entry', async () => {
    const entry = emailEntry(context)!;
    const [a, b] = await Promise.all([logEmail(db, bruno, entry, 'Can you do 40 bags?'), logEmail(db, bruno, entry)]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.note.id).toBe(b.note.id);
    const again = await logEmail(db, bruno, entry, 'something else');
    expect(again).toMatchObject({ created: false, note: { id: a.note.id } });
    await addToLogged(db, again.note, 'Price holds until March\nthen +5%');
    const person = await findPersonForCorrespondent(db, bruno);
    const notes = await timelineFor(db, person!.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toBe(
      'Email: Quarterly review\nWith: Bruno Costa <bruno.costa@example.org>, carla.mendes@example.net\n\n> Can you do 40 bags?\n\n> Price holds until March\n> then +5%',
    );
  });

  it('refuses an empty addition and one that would overfill the entry, changing nothing', async () => {
    const { note } = await logEmail(db, bruno, emailEntry(context)!);
    await expect(addToLogged(db, note, '  ')).rejects.toThrow('Select text in the email first');
    await expect(addToLogged(db, note, 'x'.repeat(20_000))).rejects.toThrow('The entry is full; this passage was not added.');
    expect((await db.notes.get(note.id))!.body).toBe(note.body);
  });
});

describe('a never-logged correspondent', () => {
  it('is neither logged nor quoted, with the reason, and nothing is written', async () => {
    await addNeverLog(db, 'example.org');
    await expect(logEmail(db, bruno, emailEntry(context)!)).rejects.toThrow('bruno.costa@example.org is on your never-log list');
    await expect(addQuote(db, bruno, 'text', undefined)).rejects.toThrow('never-log list');
    expect([await db.people.count(), await db.notes.count()]).toEqual([0, 0]);
  });
});

describe('clipping a selection as a quote', () => {
  it('stores the text as a quote of the person with an https source, creating the person if new', async () => {
    const quote = await addQuote(db, bruno, '  “We will need 40 bags by spring.”  ', 'https://mail.google.com/mail/u/0/#inbox/abc');
    expect(quote).toMatchObject({
      kind: 'quote',
      body: '“We will need 40 bags by spring.”',
      sourceUrl: 'https://mail.google.com/mail/u/0/#inbox/abc',
    });
    expect(quote).not.toHaveProperty('tag');
    expect((await findPersonForCorrespondent(db, bruno))?.id).toBe(quote.personId);
    expect((await addQuote(db, bruno, 'x', 'http://example.com/')).sourceUrl).toBeUndefined();
  });

  it('cuts a selection longer than a note and marks the cut; refuses an empty one', async () => {
    const quote = await addQuote(db, bruno, '😀'.repeat(15_000), undefined);
    expect(quote.body.length).toBeLessThanOrEqual(20_000);
    expect(quote.body.endsWith('😀…')).toBe(true);
    await expect(addQuote(db, bruno, ' ', undefined)).rejects.toThrow('Nothing is selected to add.');
  });
});

describe('recent complaints', () => {
  it('keeps complaints of the last three months in view, newest first, at most two', () => {
    const now = new Date(2026, 10, 23, 13, 0);
    const note = (id: string, occurredAt: number, tag: 'complaint' | 'compliment' = 'complaint', deleted = false) =>
      ({ id, tag, occurredAt, body: id, deleted }) as Parameters<typeof recentComplaints>[0][number];
    const daysAgo = (d: number) => now.getTime() - d * 24 * 3_600_000;
    const notes = [
      note('old', daysAgo(91)),
      note('late delivery', daysAgo(30)),
      note('praise', daysAgo(2), 'compliment'),
      note('wrong bag', daysAgo(5)),
      note('gone', daysAgo(1), 'complaint', true),
      note('rude driver', daysAgo(60)),
    ];
    expect(recentComplaints(notes, now).map((n) => n.id)).toEqual(['wrong bag', 'late delivery']);
    expect(recentComplaints(notes, now, 5).map((n) => n.id)).toEqual(['wrong bag', 'late delivery', 'rude driver']);
    expect(relativeDay(dayOf(daysAgo(30)), now)).toBe('30 days ago');
    expect(recentComplaints([note('old', daysAgo(91))], now)).toEqual([]);
  });
});
