import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { liveCompany } from '../../companies/story';
import { addNextStep, moveOpportunity, nextStepsOf, peopleOf, stagesOf, updateOpportunity } from '../../opportunities/opportunities';
import { db } from '../../storage/db';
import { setTaskDone } from '../../storage/records/tasks';
import { isoDay } from '../../storage/summaries/summary';
import { AddTask } from '../AddTask';
import { formatDay, parseDayInput } from '../dates';
import { ErrorLine } from '../ErrorLine';
import { BackLink } from '../home/BackLink';
import { Gone } from '../home/Gone';
import { companyHref, personHref } from '../home/route';
import { Section } from '../Section';
import { LostEditLine } from '../sync/LostEditLine';
import { ShareToggle } from '../sync/ShareToggle';
import { useAction } from '../useAction';
import { InlineEdit } from './InlineEdit';
import { formatMoney, parseAmount } from '../../opportunities/money';
import { t } from '../../i18n';

/**
 * One deal on Home: where it stands and why. Moving it to Won or Lost asks for the reason, which
 * stays on the deal and on its company's timeline.
 */
export function OpportunityPage({ id, onBack }: { id: string; onBack: () => void }) {
  const data = useLiveQuery(async () => {
    const o = await db.opportunities.get(id);
    if (!o || o.deleted) return null;
    const [stages, company, people, steps] = await Promise.all([
      stagesOf(db),
      liveCompany(db, o.companyId),
      db.people.bulkGet(peopleOf(o)),
      nextStepsOf(db, id),
    ]);
    return { o, stages, company, people: people.filter((p) => p && !p.deleted), steps };
  }, [id]);
  const [closing, setClosing] = useState<string>();
  const [reason, setReason] = useState('');
  const { error, run } = useAction();

  if (data === undefined) return null;
  if (!data) {
    return <Gone onBack={onBack}>{t('opportunity.gone')}</Gone>;
  }
  const { o, stages, company, people, steps } = data;
  const stage = stages.find((s) => s.id === o.stageId);
  const closingStage = stages.find((s) => s.id === closing);
  return (
    <article aria-label={o.title} data-testid="opportunity-page" className="mx-auto max-w-3xl p-6">
      <BackLink onBack={onBack} />
      <header className="mt-3 flex items-start justify-between gap-2">
        <h1 className="text-lg font-semibold" dir="auto">
          <InlineEdit value={o.title} label={t('opportunity.titleField')} onSave={(title) => updateOpportunity(db, o.id, { title })} />
        </h1>
        <ShareToggle entity="opportunities" record={o} />
      </header>
      <LostEditLine entity="opportunities" record={o} />
      <p className="text-sm text-slate-600">
        {company && (
          <a href={companyHref(company.id)} className="text-blue-700 hover:underline">
            {company.name}
          </a>
        )}
        {people.map((p) => (
          <span key={p!.id}>
            {' · '}
            <a href={personHref({ personId: p!.id })} className="text-blue-700 hover:underline">
              {p!.name || t('search.unnamed')}
            </a>
          </span>
        ))}
      </p>
      <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
        <dt className="text-slate-500">{t('opportunity.stage')}</dt>
        <dd>
          <select
            aria-label={t('opportunity.stage')}
            value={closing ?? o.stageId}
            onChange={(e) => {
              const next = stages.find((s) => s.id === e.target.value);
              if (next?.outcome === 'open') {
                setClosing(undefined);
                void run(() => moveOpportunity(db, o.id, next.id));
              } else setClosing(next?.id);
            }}
            className="rounded border border-slate-300 px-1"
          >
            {stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {closingStage && (
            <form
              className="mt-1 flex gap-1"
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await moveOpportunity(db, o.id, closingStage.id, reason);
                  setClosing(undefined);
                  setReason('');
                });
              }}
            >
              <input
                autoFocus
                aria-label={closingStage.outcome === 'won' ? t('opportunity.whyWon') : t('opportunity.whyLost')}
                placeholder={closingStage.outcome === 'won' ? t('opportunity.whyWonPlaceholder') : t('opportunity.whyLostPlaceholder')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') {
                    e.preventDefault();
                    setClosing(undefined);
                  }
                }}
                className="flex-1 rounded border border-blue-600 px-1 focus:outline-none"
              />
              <button type="submit" className="rounded bg-blue-700 px-2 text-white">
                {t('board.save')}
              </button>
            </form>
          )}
          {stage && stage.outcome !== 'open' && o.reason && (
            <p className="mt-1 text-slate-700" data-testid="opportunity-reason">
              {stage.outcome === 'won' ? t('opportunity.won') : t('opportunity.lost')}: {o.reason}
            </p>
          )}
        </dd>
        <dt className="text-slate-500">{t('opportunity.value')}</dt>
        <dd className="flex gap-2">
          <InlineEdit
            value={o.value == null ? '' : String(o.value)}
            display={formatMoney(o.value, o.currency)}
            label={t('opportunity.valueField')}
            onSave={(v) => updateOpportunity(db, o.id, { value: parseAmount(v) })}
          />
          <InlineEdit
            value={o.currency ?? ''}
            label={t('opportunity.currencyField')}
            placeholder="EUR"
            onSave={(c) => updateOpportunity(db, o.id, { currency: c.trim().toUpperCase() })}
          />
        </dd>
        <dt className="text-slate-500">{t('opportunity.close')}</dt>
        <dd>
          <InlineEdit
            type="date"
            value={isoDay(o.closeAt)}
            display={o.closeAt == null ? '' : formatDay(o.closeAt)}
            label={t('opportunity.closeField')}
            onSave={(d) => updateOpportunity(db, o.id, { closeAt: parseDayInput(d) ?? null })}
          />
        </dd>
      </dl>
      <ErrorLine error={error} />
      <Section title={t('opportunity.nextSteps')}>
        <ul className="mt-1 space-y-1" data-testid="next-steps">
          {steps.map((step) => (
            <li key={step.id} className="flex items-start gap-2">
              <input
                type="checkbox"
                aria-label={t('tasks.done', { title: step.title })}
                checked={step.done}
                onChange={(e) => void run(() => setTaskDone(db, step.id, e.target.checked))}
                className="mt-1"
              />
              <span>
                {step.title}
                {step.due != null && (
                  <span className={`ml-1 text-xs ${step.due < Date.now() ? 'text-red-700' : 'text-slate-500'}`}>
                    {t('tasks.due', { when: formatDay(step.due) })}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
        <AddTask
          label={t('opportunity.addStep')}
          placeholder={t('opportunity.addStepPlaceholder')}
          dueLabel={t('opportunity.stepDue')}
          onAdd={(title, due) => addNextStep(db, o, title, due)}
        />
      </Section>
    </article>
  );
}
