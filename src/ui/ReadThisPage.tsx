import { useState } from 'react';
import type { ReadPageReply } from '../messaging/protocol';
import { ask } from './ask';
import { t } from '../i18n';

function explain(reply: ReadPageReply | undefined): string {
  if (!reply) return t('parserHealth.titleSentence');
  if (reply.ok) return reply.people === 0 ? t('readPage.noOne') : '';
  if (reply.reason === 'supported') return t('readPage.supported');
  if (reply.reason === 'unreadable') return t('parserHealth.titleSentence');
  return t('readPage.notAllowed');
}

/**
 * "Read this page" for a tab Clyde has no reader for. The background runs the generic reader
 * with the `activeTab` grant the toolbar click that opened this panel gave; the people it finds
 * arrive as the tab's context like any other page's. Without a grant it says how to give one.
 */
export function ReadThisPage({ tabId }: { tabId: number | undefined }) {
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (tabId === undefined) return null;
  const read = async () => {
    setBusy(true);
    // No answer reads as "could not read this page", said in the note below the button.
    const reply = await ask('page/read', { tabId }).catch(() => undefined);
    setBusy(false);
    setNote(explain(reply) || undefined);
  };
  return (
    <div className="mt-4 text-center">
      <button
        type="button"
        disabled={busy}
        onClick={() => void read()}
        className="rounded bg-slate-800 px-3 py-1 text-sm text-white hover:bg-slate-700 disabled:opacity-50"
      >
        {t('readPage.button')}
      </button>
      {note && (
        <p role="status" className="mt-2 text-xs text-slate-600">
          {note}
        </p>
      )}
    </div>
  );
}
