import { useState } from 'react';
import { span } from '../../home/reasons';
import { db } from '../../storage/db';
import { RHYTHMS, setRhythm } from '../../storage/summaries/personal';
import type { Summary } from '../../storage/summaries/summary';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';

const LEARN = 'learn';
const CUSTOM = 'custom';
const LABELS: Record<keyof typeof RHYTHMS, string> = {
  '2 weeks': 'Every 2 weeks',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  none: 'None (never remind)',
};
const option = (k: keyof typeof RHYTHMS): [string, string] => [String(RHYTHMS[k]), LABELS[k]];
const CHOICES: [string, string][] = [
  option('2 weeks'),
  option('monthly'),
  option('quarterly'),
  [CUSTOM, 'Custom…'],
  option('none'),
  [LEARN, 'Learn from history'],
];

const every = (days: number) => {
  const { n, unit } = span(days);
  return n === 1 ? `every ${unit}` : `every ${n} ${unit}s`;
};

/** What the select shows for a stored rhythm: one of the choices, or custom for any other number of days. */
function choiceOf(rhythmDays: number | undefined): string {
  if (rhythmDays === undefined) return LEARN;
  return CHOICES.some(([v]) => v === String(rhythmDays)) ? String(rhythmDays) : CUSTOM;
}

/**
 * How often to keep in touch with someone, set in one action. Left to learn, it says what it
 * learned and from how much, so the user can tell a guess from a habit.
 */
export function RhythmPicker({ summary }: { summary: Summary }) {
  const [custom, setCustom] = useState<string | undefined>();
  const { error, run } = useAction();
  const { personId, rhythmDays, learnedGapDays, recent } = summary;
  const save = (days: number | undefined) => run(() => setRhythm(db, personId, days));
  const choice = custom !== undefined ? CUSTOM : choiceOf(rhythmDays);
  return (
    <>
      <label className="flex max-w-xs min-w-0 flex-1 basis-0 items-center gap-1 whitespace-nowrap">
        {/* Short: the panel is narrow, and the hint below says what the choice means. */}
        <span className="text-slate-500" title="How often to keep in touch">
          In touch
        </span>
        <select
          value={choice}
          aria-label="Keep in touch"
          onChange={(e) => {
            const v = e.target.value;
            if (v === CUSTOM) setCustom(String(rhythmDays || ''));
            else {
              setCustom(undefined);
              void save(v === LEARN ? undefined : Number(v));
            }
          }}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5"
          data-testid="rhythm"
        >
          {CHOICES.map(([value, label]) => (
            <option key={value} value={value}>
              {value === CUSTOM && choice === CUSTOM && rhythmDays ? `Every ${rhythmDays} days` : label}
            </option>
          ))}
        </select>
      </label>
      {custom !== undefined && (
        <input
          autoFocus
          type="number"
          min={1}
          aria-label="Days between contacts (Enter saves)"
          value={custom}
          onChange={(e) => setCustom(e.target.value)}
          onKeyDown={async (e) => {
            if (e.key === 'Escape') setCustom(undefined);
            if (e.key === 'Enter' && (await save(Number(e.currentTarget.value)))) setCustom(undefined);
          }}
          className="w-16 rounded border border-blue-600 px-1 py-0.5"
        />
      )}
      <span className="basis-full text-slate-500 empty:hidden" data-testid="rhythm-note">
        {rhythmDays === undefined &&
          (learnedGapDays
            ? `Usually ${every(learnedGapDays)} — learned from ${recent.length} contacts`
            : 'Clyde learns it after 3 contacts')}
      </span>
      <ErrorLine error={error} />
    </>
  );
}
