import { useRef, useState } from 'react';
import type { PageContext } from '../parsers/schema';
import { pageDiagnostic } from './diagnostic';
import { OpenedPerson } from './search/OpenedPerson';
import { SearchPalette } from './search/SearchPalette';
import { ErrorLine } from './ErrorLine';
import { useAction } from './useAction';
import { useSettled } from './useSettled';

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
  const site = SITE_NAMES[context.site] ?? 'this site';

  if (!settled) {
    // Beside a person the URL alone names, wait quietly; on an empty page, say what is happening.
    if (context.people.length > 0) return null;
    return (
      <p className="mt-16 text-center text-sm text-slate-500" data-testid="reading">
        Reading this page…
      </p>
    );
  }

  if (picked) return <OpenedPerson personId={picked} onBack={() => setPicked(undefined)} onOpen={setPicked} />;

  const copy = () =>
    run(async () => {
      if (tabId === undefined) throw new Error('Clyde does not know which tab this is. Reload the page and try again.');
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
      aria-label="Clyde could not read this page"
      className="mb-3 rounded border border-amber-300 bg-amber-50 p-3"
      data-testid="parser-health"
    >
      <p className="font-semibold">Clyde could not read this page.</p>
      <p className="mt-1 text-slate-700">
        {site} may have changed how its pages are built, so Clyde cannot tell who is shown. Search for the person by name or email instead,
        and please report the problem.
      </p>
      <div className="mt-2 flex gap-2">
        <button type="button" onClick={() => setSearching(true)} className="rounded bg-slate-800 px-2 py-0.5 text-xs text-white">
          Search by name or email
        </button>
        <button type="button" onClick={() => void copy()} className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs">
          Copy diagnostic
        </button>
      </div>
      {searching && (
        <SearchPalette
          title="Who is this page about?"
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
            {copied === 'copied' ? 'Copied. ' : 'Selected: press Ctrl+C (⌘C) to copy. '}
            It is the page's structure with every word Clyde does not look for masked (Xxxx xxx@xxxx.xxx), so it never holds what anyone
            wrote or who is in it.
          </p>
          <textarea
            ref={shown}
            readOnly
            value={diagnostic}
            aria-label="Diagnostic"
            data-testid="diagnostic"
            className="mt-1 h-40 w-full rounded border border-slate-300 font-mono text-[10px]"
          />
        </div>
      )}
    </section>
  );
}
