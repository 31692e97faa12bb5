import * as chrono from 'chrono-node';

/** Readers for the date lines webmail prints, by locale. English comes first in the user's order of day and month. */
const OTHER_LOCALES = [chrono.de, chrono.fr, chrono.es, chrono.pt, chrono.nl, chrono.it];
const DAY = 24 * 60 * 60 * 1000;

/**
 * One printed date as epoch ms, or undefined when no reader is sure of its day, month and year.
 * Every reader's reading is weighed: a weekday any of them recognises ("Tue", "Di.", "mar.") must
 * fit the date, which settles "Tue 05/11/2025" read the wrong way round (11 May is a Sunday).
 */
function readSentAt(text: string, now: Date, dayFirst: boolean): number | undefined {
  const english = dayFirst ? [chrono.en.GB, chrono.en] : [chrono.en, chrono.en.GB];
  const readings = [...english, ...OTHER_LOCALES].flatMap((reader) => reader.parse(text, now).map((r) => r.start));
  const weekdays = readings.filter((r) => r.isCertain('weekday')).map((r) => r.get('weekday'));
  const fits = readings.find(
    (r) => r.isCertain('year') && r.isCertain('month') && r.isCertain('day') && weekdays.every((w) => w === r.date().getDay()),
  );
  return fits?.date().getTime();
}

/**
 * When the open conversation's latest message was sent, from the dates its messages print
 * (src/parsers/sent-at.ts), so a thread logged days later is filed on the day it happened.
 * Undefined when none can be read for sure, or only as a date in the future (a clock or a
 * misreading, never a sent mail): the caller then files it at the time of logging.
 */
export function emailSentAt(texts: readonly string[], now: Date, { dayFirst = false } = {}): number | undefined {
  const latest = now.getTime() + DAY;
  const read = texts
    .map((t) => readSentAt(t, now, dayFirst))
    .filter((at): at is number => at !== undefined && at <= latest && new Date(at).getFullYear() >= 1970);
  return read.length ? Math.max(...read) : undefined;
}
