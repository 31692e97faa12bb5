import { useState } from 'react';
import { span } from '../../home/reasons';
import { db } from '../../storage/db';
import { RHYTHMS, setRhythm } from '../../storage/summaries/personal';
import type { Summary } from '../../storage/summaries/summary';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { formatNumber, t } from '../../i18n';

const LEARN = 'learn';
const CUSTOM = 'custom';
const LABELS: Record<keyof typeof RHYTHMS, () => string> = {
  '2 weeks': () => t('rhythm.twoWeeks'),
  monthly: () => t('rhythm.monthly'),
  quarterly: () => t('rhythm.quarterly'),
  none: () => t('rhythm.none'),
};
const option = (k: keyof typeof RHYTHMS): [string, () => string] => [String(RHYTHMS[k]), LABELS[k]];
const CHOICES: [string, () => string][] = [
  option('2 weeks'),
  option('monthly'),
  option('quarterly'),
  [CUSTOM, () => t('rhythm.custom')],
  option('none'),
  [LEARN, () => t('rhythm.learn')],
];

const every = (days: number) => {
  const { n, unit } = span(days);
  const count: [string] = [formatNumber(n)];
  if (unit === 'day') return t('rhythm.everyDays', n, count);
  return unit === 'week' ? t('rhythm.everyWeeks', n, count) : t('rhythm.everyMonths', n, count);
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
        <span className="text-slate-500" title={t('rhythm.title')}>
          {t('rhythm.short')}
        </span>
        <select
          value={choice}
          aria-label={t('rhythm.label')}
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
              {value === CUSTOM && choice === CUSTOM && rhythmDays
                ? t('rhythm.everyCustom', rhythmDays, [formatNumber(rhythmDays)])
                : label()}
            </option>
          ))}
        </select>
      </label>
      {custom !== undefined && (
        <input
          autoFocus
          type="number"
          min={1}
          aria-label={t('rhythm.days')}
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
            ? t('rhythm.learned', recent.length, [formatNumber(recent.length)], { every: every(learnedGapDays) })
            : t('rhythm.learnsAfter'))}
      </span>
      <ErrorLine error={error} />
    </>
  );
}
