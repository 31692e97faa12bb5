import type { Shown } from '../../home/sections';
import { ErrorLine } from '../ErrorLine';
import { formatNumber, t } from '../../i18n';

/**
 * One section of Home: its heading at once, its items as soon as its own query answers (each
 * section reads on its own, so the first is on screen without waiting for the others), and, when
 * it has none, a sentence that says what would put something there.
 */
export function HomeSection({
  id,
  title,
  page,
  onShowAll,
  empty,
  error,
  children,
}: {
  id: string;
  title: string;
  /** What the section shows and how many it has in all; undefined while it is still being read. */
  page: Shown<unknown> | undefined;
  onShowAll: () => void;
  empty: string;
  /** A failed action of one of its items. */
  error?: string;
  children: React.ReactNode;
}) {
  const count = page?.entries.length;
  const total = page?.total;
  return (
    <section aria-labelledby={`home-${id}-title`} data-testid={`home-${id}`} aria-busy={count === undefined} className="mt-6">
      <h2 id={`home-${id}-title`} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
      </h2>
      {count === 0 && (
        <p className="mt-1 text-slate-500" data-testid="home-empty">
          {empty}
        </p>
      )}
      {!!count && <ul className="mt-2 space-y-3">{children}</ul>}
      {count !== undefined && (total === undefined || total > count) && (
        <button type="button" onClick={onShowAll} className="mt-2 text-xs text-blue-700 hover:underline" data-testid="home-show-all">
          {total === undefined ? t('home.showAll') : t('home.showAllCount', { n: formatNumber(total) })}
        </button>
      )}
      <ErrorLine error={error} />
    </section>
  );
}
