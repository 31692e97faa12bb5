import type { BoardFilter } from './columns';
import { t } from '../../i18n';

const select = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-xs';

/**
 * Narrows the board to one company, and, on a board with teammates' deals, to the user's own or
 * the team's. Never to one teammate: there is no view of a rep's pipeline here.
 */
export function Filters({
  filter,
  companies,
  teammates,
  onChange,
}: {
  filter: BoardFilter;
  companies: { id: string; name: string }[];
  teammates: boolean;
  onChange: (filter: BoardFilter) => void;
}) {
  return (
    <div className="flex items-center gap-3">
      <select
        aria-label={t('company.company')}
        value={filter.companyId ?? ''}
        onChange={(e) => onChange({ ...filter, companyId: e.target.value || undefined })}
        className={select}
      >
        <option value="">{t('board.allCompanies')}</option>
        {companies.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {teammates && (
        <select
          aria-label={t('board.whose')}
          value={filter.owner ?? ''}
          onChange={(e) => onChange({ ...filter, owner: (e.target.value || undefined) as BoardFilter['owner'] })}
          className={select}
        >
          <option value="">{t('board.everyones')}</option>
          <option value="mine">{t('board.yours')}</option>
          <option value="team">{t('board.teammates')}</option>
        </select>
      )}
    </div>
  );
}
