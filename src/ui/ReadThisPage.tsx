import { useState } from 'react';
import type { ReadPageReply } from '../messaging/protocol';
import { ask } from './ask';

const NOT_ALLOWED =
  'Clyde may read a page only when you ask from that page: click the Clyde toolbar button while it is open, or press Alt+Shift+C, then try again.';

function explain(reply: ReadPageReply | undefined): string {
  if (!reply) return 'Clyde could not read this page.';
  if (reply.ok) return reply.people === 0 ? 'This page names no one Clyde can recognise.' : '';
  if (reply.reason === 'supported') return 'Clyde reads this site by itself; open an email or a profile.';
  if (reply.reason === 'unreadable') return 'Clyde could not read this page.';
  return NOT_ALLOWED;
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
        Read this page
      </button>
      {note && (
        <p role="status" className="mt-2 text-xs text-slate-600">
          {note}
        </p>
      )}
    </div>
  );
}
