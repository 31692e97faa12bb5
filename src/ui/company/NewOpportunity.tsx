import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { createOpportunity, stagesOf } from '../../opportunities/opportunities';
import { db } from '../../storage/db';
import type { Opportunity } from '../../storage/schema';
import { parseDayInput } from '../dates';
import { ErrorLine } from '../ErrorLine';
import { HomeLink } from '../home/HomeLink';
import { BOARD_HREF, opportunityHref } from '../home/route';
import { useAction } from '../useAction';
import { parseAmount } from '../../opportunities/money';
import { t } from '../../i18n';

const field = 'rounded border border-slate-300 px-2 py-1 focus:border-blue-600 focus:outline-none';

/**
 * A new deal, with the person and their company filled in: a title and Enter is enough; value,
 * stage, close date and a next step are there for who has them. What was typed stays until the
 * save succeeds.
 */
export function NewOpportunity({ personId, companyId, onClose }: { personId?: string; companyId?: string; onClose: () => void }) {
  const stages = useLiveQuery(async () => (await stagesOf(db)).filter((s) => s.outcome === 'open'));
  const [title, setTitle] = useState('');
  const [stageId, setStageId] = useState<string>();
  const [value, setValue] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [closeAt, setCloseAt] = useState('');
  const [step, setStep] = useState('');
  const [stepDue, setStepDue] = useState('');
  const [created, setCreated] = useState<Opportunity>();
  const { error, run } = useAction();

  if (created) {
    return (
      <p role="status" className="mt-2 text-xs text-slate-600" data-testid="opportunity-created">
        {t('opportunity.created', { title: created.title })}{' '}
        <HomeLink hash={opportunityHref(created.id)} title={t('company.openDeal')}>
          {t('opportunity.openIt')}
        </HomeLink>{' '}
        ·{' '}
        <HomeLink hash={BOARD_HREF} title={t('opportunity.boardTitle')}>
          {t('opportunity.board')}
        </HomeLink>{' '}
        ·{' '}
        <button type="button" onClick={onClose} className="text-blue-700 hover:underline">
          {t('common.close')}
        </button>
      </p>
    );
  }
  return (
    <form
      aria-label={t('company.newOpportunity')}
      data-testid="new-opportunity"
      className="mt-2 space-y-1 rounded border border-slate-200 p-2 text-xs"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const opp = await createOpportunity(db, {
            title,
            personIds: personId ? [personId] : [],
            companyId,
            stageId,
            value: parseAmount(value),
            currency: currency.trim().toUpperCase() || undefined,
            closeAt: parseDayInput(closeAt) ?? null,
            nextStep: step.trim() ? { title: step, due: parseDayInput(stepDue) } : undefined,
          });
          setCreated(opp);
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <input
        autoFocus
        aria-label={t('opportunity.titleLabel')}
        placeholder={t('opportunity.titlePlaceholder')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        className={`${field} w-full`}
      />
      <div className="flex gap-1">
        <select
          aria-label={t('opportunity.stage')}
          value={stageId ?? stages?.[0]?.id ?? ''}
          onChange={(e) => setStageId(e.target.value)}
          className={`${field} flex-1`}
        >
          {stages?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <input
          aria-label={t('opportunity.value')}
          inputMode="decimal"
          placeholder={t('opportunity.value')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className={`${field} w-20`}
        />
        <input
          aria-label={t('opportunity.currency')}
          value={currency}
          maxLength={3}
          onChange={(e) => setCurrency(e.target.value)}
          className={`${field} w-12 uppercase`}
        />
      </div>
      <label className="flex items-center gap-1 text-slate-500">
        {t('opportunity.close')}
        <input
          type="date"
          aria-label={t('opportunity.close')}
          value={closeAt}
          onChange={(e) => setCloseAt(e.target.value)}
          className={field}
        />
      </label>
      <div className="flex gap-1">
        <input
          aria-label={t('opportunity.nextStep')}
          placeholder={t('opportunity.nextStepPlaceholder')}
          value={step}
          onChange={(e) => setStep(e.target.value)}
          className={`${field} flex-1`}
        />
        <input
          type="date"
          aria-label={t('opportunity.stepDue')}
          value={stepDue}
          onChange={(e) => setStepDue(e.target.value)}
          className={`${field} w-32`}
        />
      </div>
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-blue-700 px-2 py-1 text-white hover:bg-blue-800">
          {t('opportunity.create')}
        </button>
        <button type="button" onClick={onClose} className="text-slate-600 hover:underline">
          {t('common.cancel')}
        </button>
      </div>
      <ErrorLine error={error} />
    </form>
  );
}
