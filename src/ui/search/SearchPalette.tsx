import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { domainsOf } from '../../companies/domains';
import { db } from '../../storage/db';
import { isAboutPerson, search, type SearchResult } from '../../storage/search/search';
import { openHome } from '../home/HomeLink';
import { companyHref, opportunityHref } from '../home/route';
import { t } from '../../i18n';

const KIND_LABEL: Record<SearchResult['kind'], () => string> = {
  person: () => '',
  notes: () => t('timeline.note'),
  preferences: () => t('remember.fact'),
  tasks: () => t('tasks.task'),
  company: () => t('search.kind.company'),
  opportunity: () => t('search.kind.opportunity'),
};

/** A company or an opportunity opens on its page of Home, in a new tab like the Home link. */
const openOnHome = (r: Exclude<SearchResult, { person: unknown }>) =>
  openHome(r.kind === 'company' ? companyHref(r.id) : opportunityHref(r.id));

/**
 * A search box over people, notes, facts and tasks (Cmd/Ctrl-K in the panel). Arrow keys move,
 * Enter picks, Escape closes; focus returns where it was. Picking any of these picks its person.
 * Reusable: `title` and `initialQuery` let callers ask "Link to whom?" or search for a name the
 * page showed. With `withAccounts` it finds companies and opportunities too, and opens them on
 * Home; callers that need a person leave it off.
 */
export function SearchPalette({
  onPick,
  onClose,
  initialQuery = '',
  title = t('search.title'),
  withAccounts = false,
}: {
  onPick: (personId: string) => void;
  onClose: () => void;
  initialQuery?: string;
  title?: string;
  withAccounts?: boolean;
}) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const results = useLiveQuery(
    async () => (withAccounts ? search(db, query) : (await search(db, query)).filter(isAboutPerson)),
    [query, withAccounts],
  );
  // Records from a big team pull are indexed just after they arrive (storage/search/search-index.ts).
  const indexing = useLiveQuery(() => db.wordQueue.count(), [], 0) > 0;
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Give focus back to whatever had it when the palette closes, so the keyboard user is not lost.
    const before = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => before?.focus?.();
  }, []);
  useEffect(() => setActive(0), [query]);

  const count = results?.length ?? 0;
  const pick = (r: SearchResult | undefined) => {
    if (!r) return;
    if (isAboutPerson(r)) return onPick(r.person.id);
    openOnHome(r);
    onClose();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (count) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(results?.[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div
      className="fixed inset-0 z-50 bg-slate-900/30 p-3 dark:bg-black/60 pt-10"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-label={title}
        className="rounded-lg border border-slate-300 bg-white shadow-xl"
        onKeyDown={onKeyDown}
      >
        <input
          ref={input}
          role="combobox"
          aria-label={title}
          aria-expanded={count > 0}
          aria-controls={listId}
          aria-activedescendant={count ? optionId(active) : undefined}
          aria-autocomplete="list"
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="w-full rounded-t-lg border-b border-slate-200 px-3 py-2 focus:outline-none"
        />
        <ul id={listId} role="listbox" aria-label={t('search.results')} className="max-h-96 overflow-y-auto py-1">
          {results?.map((r, i) => (
            <li
              key={`${r.kind}:${r.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              data-testid="search-result"
              onMouseMove={() => setActive(i)}
              onClick={() => pick(r)}
              className="cursor-pointer px-3 py-1 aria-selected:bg-blue-50"
            >
              <div className="truncate font-semibold" dir="auto">
                <ResultTitle r={r} />
                {r.kind !== 'person' && <span className="ml-1 text-xs font-normal text-slate-500">{KIND_LABEL[r.kind]()}</span>}
              </div>
              {isAboutPerson(r) && r.snippet && (
                <div className="truncate text-xs text-slate-600" dir="auto">
                  {r.snippet}
                </div>
              )}
            </li>
          ))}
        </ul>
        {query.trim() && results && count === 0 && (
          <p role="status" className="px-3 pb-2 text-xs text-slate-500">
            {t('search.nothing', { query: query.trim() })}
          </p>
        )}
        {indexing && (
          <p role="status" className="px-3 pb-2 text-xs text-slate-500">
            {t('search.indexing')}
          </p>
        )}
        {!query.trim() && <p className="px-3 pb-2 text-xs text-slate-500">{t('search.hint')}</p>}
      </div>
    </div>
  );
}

/** The person's name, or the company's or opportunity's, with where they belong after a dot. */
function ResultTitle({ r }: { r: SearchResult }) {
  const [name, where] =
    r.kind === 'company'
      ? [r.company.name, domainsOf(r.company).join(', ')]
      : r.kind === 'opportunity'
        ? [r.opportunity.title, r.company?.name]
        : [r.person.name ?? t('search.unnamed'), r.kind === 'person' ? r.person.company : undefined];
  return (
    <>
      {name}
      {where && <span className="font-normal text-slate-500"> · {where}</span>}
    </>
  );
}
