import { useEffect, useState } from 'react';
import { keysLabel, shortcut, useShortcut } from '../shortcuts';
import { OpenedPerson, SearchPalette } from '../later-parts';
import { t } from '../../i18n';

/**
 * Search in the panel: the Search button and Cmd/Ctrl-K open the palette; a picked person
 * replaces the page's view until "Back to this page", or until the page changes (`pageKey`). A
 * picked company or opportunity opens on Home.
 */
export function Finder({ pageKey, children }: { pageKey?: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const [personId, setPersonId] = useState<string | undefined>();
  useShortcut('search.open', () => setOpen(true), !open);
  useEffect(() => setPersonId(undefined), [pageKey]);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="mb-3 flex w-full items-center justify-between rounded border border-slate-300 px-2 py-1 text-left text-xs text-slate-500 hover:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        {t('search.open')} <kbd className="text-slate-400">{keysLabel(shortcut('search.open'))}</kbd>
      </button>
      {personId ? <OpenedPerson personId={personId} onBack={() => setPersonId(undefined)} onOpen={setPersonId} /> : children}
      {open && (
        <SearchPalette
          withAccounts
          onClose={() => setOpen(false)}
          onPick={(id) => {
            setOpen(false);
            setPersonId(id);
          }}
        />
      )}
    </>
  );
}
