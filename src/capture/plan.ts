import { NoteSchema, PreferenceSchema, TaskSchema, type Tag } from '../storage/schema';
import { splitFact } from '../storage/records/preferences';
import { findDate, type FoundDate } from './dates';
import { formatNumber, t } from '../i18n';

/**
 * What one line typed into the capture box becomes. Pure, so the panel can show it before the
 * user presses Enter and the tests can pin every case: a preference goes to the Remember list,
 * a promise becomes a task (due when it says), a life event is a note that remembers its date,
 * and everything else is a note with its tag.
 */
export type CapturePlan =
  | { to: 'note'; body: string; tag?: Tag; date?: FoundDate }
  | { to: 'preference'; text: string; key: string; value: string }
  | { to: 'task'; title: string; date?: FoundDate };

export interface CaptureInput {
  text: string;
  tag?: Tag;
}

/** The user's mistake, worded for them; whatever they typed is still in the box. */
class CaptureError extends Error {
  override name = 'CaptureError';
}

// The limits the records' schemas enforce, read from them so the two can never disagree.
export const NOTE_MAX = NoteSchema.shape.body.maxLength ?? Infinity;
const FACT_MAX = PreferenceSchema.shape.value.maxLength ?? Infinity;
const TASK_MAX = TaskSchema.shape.title.maxLength ?? Infinity;

type TooLong = 'captureErrors.factTooLong' | 'captureErrors.promiseTooLong' | 'captureErrors.noteTooLong';

function fits(text: string, max: number, tooLong: TooLong) {
  if (text.length > max) throw new CaptureError(t(tooLong, { max: formatNumber(max), length: formatNumber(text.length) }));
}

export function planCapture({ text, tag }: CaptureInput, now: Date, options: { dayFirst?: boolean } = {}): CapturePlan {
  const body = text.trim();
  if (!body) throw new CaptureError(t('errors.writeSomethingFirstNothingWas'));
  if (tag === 'preference') {
    const { key, value } = splitFact(body);
    fits(value, FACT_MAX, 'captureErrors.factTooLong');
    return { to: 'preference', text: body, key, value };
  }
  // Only promises and life events carry dates; elsewhere "Friday" is just a word in a note.
  const date = tag === 'promise' || tag === 'life-event' ? findDate(body, now, options) : undefined;
  if (tag === 'promise') {
    fits(body, TASK_MAX, 'captureErrors.promiseTooLong');
    return { to: 'task', title: body, date };
  }
  fits(body, NOTE_MAX, 'captureErrors.noteTooLong');
  if (tag === 'life-event' && !date) {
    throw new CaptureError(t('errors.whenIsItAddA'));
  }
  return { to: 'note', body, tag, date };
}
