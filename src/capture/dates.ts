import * as chrono from 'chrono-node';
import { t } from '../i18n';

/** A date found in what the user typed: the day (local midnight) and the words that said it. */
export interface FoundDate {
  day: number;
  text: string;
  /** Minutes after midnight, only when the words named a time ("at 3pm", "15:30"): a task then reminds at it. */
  minutes?: number;
}

/** How far from today a date may be before we call it a typo rather than a plan. */
const EARLIEST_YEAR = 1900;
const MAX_YEARS_AHEAD = 50;

class DateError extends Error {
  override name = 'DateError';
}

/**
 * The first natural-language date in `text` ("next thursday", "in 2 weeks", "15 Jan"), as a day.
 * Ambiguous dates resolve forward ("15 Jan" in November is next January), since a promise or an
 * upcoming trip is what one types. `dayFirst` reads "3/4" as 3 April. Throws a DateError for a
 * date no one means (year 1234, in 1000 years) so the user sees why nothing was saved.
 */
export function findDate(text: string, now: Date, { dayFirst = false }: { dayFirst?: boolean } = {}): FoundDate | undefined {
  const parser = dayFirst ? chrono.en.GB : chrono.en.casual;
  const [hit] = parser.parse(text, now, { forwardDate: true });
  if (!hit) return undefined;
  const at = hit.start.date();
  const latest = now.getFullYear() + MAX_YEARS_AHEAD;
  if (Number.isNaN(at.getTime()) || at.getFullYear() < EARLIEST_YEAR || at.getFullYear() > latest) {
    const range = { text: hit.text, from: String(EARLIEST_YEAR), to: String(latest) };
    throw new DateError(
      Number.isNaN(at.getTime()) ? t('moreErrors.noRealDay', range) : t('moreErrors.farYear', { ...range, year: String(at.getFullYear()) }),
    );
  }
  const day = new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime();
  // chrono fills in noon for "friday"; only a time the user wrote is one to remind at.
  return hit.start.isCertain('hour') ? { day, text: hit.text, minutes: at.getHours() * 60 + at.getMinutes() } : { day, text: hit.text };
}

const shown = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const shownWithYear = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** "Thu, Nov 26": the year only when it is not this one. */
export function formatWhen(day: number, now: Date): string {
  return (new Date(day).getFullYear() === now.getFullYear() ? shown : shownWithYear).format(day);
}

/** Whether the user's locale writes the day before the month (3/4 = 3 April). */
export function localeIsDayFirst(locale: string): boolean {
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric' }).formatToParts(new Date(2000, 0, 31));
  return parts.findIndex((p) => p.type === 'day') < parts.findIndex((p) => p.type === 'month');
}
