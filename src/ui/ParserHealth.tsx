import { useRef, useState } from 'react';
import type { PageContext } from '../parsers/schema';
import { pageDiagnostic } from './diagnostic';
import { OpenedPerson } from './search/OpenedPerson';
import { SearchPalette } from './search/SearchPalette';
import { ErrorLine } from './ErrorLine';
import { useAction } from './useAction';
import { useSettled } from './useSettled';
import { t } from '../i18n';

const SITE_NAMES: Record<string, string> = { gmail: 'Gmail', outlook: 'Outlook', linkedin: 'LinkedIn', x: 'X' };
/** Long enough for a thread or profile to finish rendering after navigation. */
const PATIENCE_MS = 1500;

/**
 * A first search for the person the URL names, if it names one: an X handle, or the words of a
 * LinkedIn slug without its numeric suffix (`ana-lima-4b2a19` → `ana lima`). Gmail and Outlook
 * URLs name no one.
 */
export function searchGuess(context: PageContext): string {
  const [person] = context.people;
  if (person?.handle) return person.handle;
  const slug = person?.profileUrl && new URL(person.profileUrl).pathname.split('/').filter(Boolean).at(-1);
  if (!slug) return '';
  const words = decodeURIComponent(slug).split(/[-_.]+/);
  return words.filter((w, i) => i === 0 || !/\d/.test(w)).join(' ');
}

/**
 * Shown when the page should show someone but Clyde's reader found nobody (`context.unread`):
 * says so plainly, and lets the user copy a diagnostic for a bug report. The diagnostic is
 * computed only when asked, shown before it is copied, and holds no text from the page.
 */
export function ParserHealth({ context, tabId }: { context: PageContext; tabId: number | undefined }) {
  const settled = useSettled(`${context.site} ${context.url}`, PATIENCE_MS);
  const [diagnostic, setDiagnostic] = useState<string>();
  const [copied, setCopied] = useState<'copied' | 'select'>();
  const shown = useRef<HTMLTextAreaElement>(null);
  const { error, run } = useAction();
  const [searching, setSearching] = useState(false);
  const [picked, setPicked] = useState<string>();
  const site = SITE_NAMES[context.site];

  if (!settled) {
    // Beside a person the URL alone names, wait quietly; on an empty page, say what is happening.
    if (context.people.length > 0) return null;
    return (
      <p className="mt-16 text-center text-sm text-slate-500" data-testid="reading">
        {t('parserHealth.reading')}
      </p>
    );
  }

  if (picked) return <OpenedPerson personId={picked} onBack={() => setPicked(undefined)} onOpen={setPicked} />;

  const copy = () =>
    run(async () => {
      if (tabId === undefined) throw new Error(t('parserHealth.noTab'));
      const text = await pageDiagnostic(tabId, context);
      setDiagnostic(text);
      try {
        await navigator.clipboard.writeText(text);
        setCopied('copied');
      } catch {
        // The injected frame may not be allowed the clipboard; the text is selected for Ctrl+C instead.
        setCopied('select');
        requestAnimationFrame(() => shown.current?.select());
      }
    });

  return (
    <section
      role="status"
      aria-label={t('parserHealth.title')}
      className="mb-3 rounded border border-amber-300 bg-amber-50 p-3"
      data-testid="parser-health"
    >
      <p className="font-semibold">{t('parserHealth.titleSentence')}</p>
      <p className="mt-1 text-slate-700">{site ? t('parserHealth.changed', { site }) : t('parserHealth.changedUnknown')}</p>
      <div className="mt-2 flex gap-2">
        <button type="button" onClick={() => setSearching(true)} className="rounded bg-slate-800 px-2 py-0.5 text-xs text-white">
          {t('parserHealth.search')}
        </button>
        <button type="button" onClick={() => void copy()} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs">
          {t('parserHealth.copy')}
        </button>
      </div>
      {searching && (
        <SearchPalette
          title={t('parserHealth.who')}
          initialQuery={searchGuess(context)}
          onClose={() => setSearching(false)}
          onPick={(id) => {
            setSearching(false);
            setPicked(id);
          }}
        />
      )}
      <ErrorLine error={error} />
      {diagnostic !== undefined && (
        <div className="mt-2">
          <p className="text-xs text-slate-600">
            {copied === 'copied' ? t('parserHealth.copied') : t('parserHealth.selected')} {t('parserHealth.explain')}
          </p>
          <textarea
            ref={shown}
            readOnly
            value={diagnostic}
            aria-label={t('parserHealth.diagnostic')}
            data-testid="diagnostic"
            className="mt-1 h-40 w-full rounded border border-slate-300 font-mono text-[10px]"
          />
        </div>
      )}
    </section>
  );
}
