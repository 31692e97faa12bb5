import type { Correspondent, PageContext } from '../parsers/schema';
import type { ClydeDB } from '../storage/db';
import { canonicalEmail } from '../storage/records/canonical';
import { findPersonForCorrespondent } from '../storage/records/identity-lookup';
import { coveringEntry, neverLogSet } from '../storage/records/never-log';
import { recordOpened } from '../storage/summaries/personal';
import { dayOf } from '../storage/summaries/summary';

/**
 * Opening an email thread with someone is contact: it resets their keep-in-touch rhythm, so a
 * customer the user reads every week is not "due" just because nobody logged the emails. Only
 * the date is kept (summaries/personal.ts), on this device, and only for people Clyde already
 * knows: reading mail never creates a person, and never records anything for an address or
 * domain on the never-log list, or for the user's own address.
 */

const MAIL_SITES = new Set(['gmail', 'outlook']);
/**
 * A thread counts as opened once it has stayed on screen this long: paging through threads with
 * j/k is not reading them, and by then the panel has done its own reads for the thread, which a
 * write here (it locks the tables the panel reads) would otherwise hold up.
 */
const DWELL_MS = 1500;

/**
 * The thread's correspondents: those who wrote in it, else (a thread only the user wrote in)
 * those it was sent to. People only copied in are not counted as contact.
 */
export function correspondentsOf(context: PageContext): Correspondent[] {
  if (!MAIL_SITES.has(context.site) || context.view !== 'thread' || context.unread) return [];
  const self = context.self?.email && canonicalEmail(context.self.email);
  const others = context.people.filter((p) => p.email && canonicalEmail(p.email) !== self);
  const senders = others.filter((p) => p.role === 'from');
  return senders.length ? senders : others.filter((p) => p.role === 'to');
}

/**
 * Records the thread as opened today for each of its correspondents Clyde knows; returns their
 * person ids. Once a day per person is enough (the rhythm counts days), so reopening a thread
 * the same day writes nothing.
 */
export async function recordOpenedThread(db: ClydeDB, context: PageContext, at = Date.now()): Promise<string[]> {
  const people = correspondentsOf(context);
  if (!people.length) return [];
  const neverLog = await neverLogSet(db);
  const known = await Promise.all(people.filter((p) => !coveringEntry(neverLog, p.email)).map((p) => findPersonForCorrespondent(db, p)));
  const ids = [...new Set(known.flatMap((p) => (p ? [p.id] : [])))];
  const rows = await db.personal.bulkGet(ids);
  const due = ids.filter((_, i) => (rows[i]?.openedAt ?? -Infinity) < dayOf(at));
  for (const id of due) await recordOpened(db, id, at);
  return due;
}

/**
 * Watches each tab's page contexts and records a thread once it has stayed open `dwellMs`; a
 * newer context for the tab (another thread, the inbox) cancels the wait. Failures have no panel
 * to show in and change nothing the user sees, so they go to the console.
 */
export function watchOpenedThreads(db: ClydeDB, dwellMs = DWELL_MS): (tabId: number, context: PageContext | null) => void {
  const waiting = new Map<number, ReturnType<typeof setTimeout>>();
  return (tabId, context) => {
    clearTimeout(waiting.get(tabId));
    waiting.delete(tabId);
    if (!context || !correspondentsOf(context).length) return;
    const timer = setTimeout(() => {
      waiting.delete(tabId);
      recordOpenedThread(db, context).catch((e: unknown) => console.error('Clyde could not record the opened thread:', e));
    }, dwellMs);
    waiting.set(tabId, timer);
  };
}
