import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { localeIsDayFirst } from '../../capture/dates';
import { addToLogged, emailEntry, logEmail } from '../../capture/email-log';
import type { Correspondent, PageContext } from '../../parsers/schema';
import { db } from '../../storage/db';
import { noteForThread } from '../../storage/records/notes';
import { formatDayTime } from '../dates';
import { ErrorLine } from '../ErrorLine';
import { keysLabel, shortcut, useShortcut } from '../shortcuts';
import { useAction } from '../useAction';
import { readOpenEmail, usePanelTabId } from '../panel-tab';
import { t } from '../../i18n';

/**
 * Logs the open thread as an email interaction with one press (button or Alt+L): subject,
 * participants and a link back, plus the passage selected in the page if there is one, dated
 * when its latest message was sent (the time of logging when the page's dates cannot be read).
 * A thread already logged shows "Logged" and offers to add a new selection to that entry instead.
 * `personId` is who the correspondent is known as (undefined before Clyde has met them).
 */
export function LogEmail({
  correspondent,
  personId,
  context,
}: {
  correspondent: Correspondent;
  personId: string | undefined;
  context: PageContext;
}) {
  const entry = useMemo(() => emailEntry(context), [context]);
  const tabId = usePanelTabId();
  const { error, run } = useAction();
  const [added, setAdded] = useState(false);
  // Wrapped so "loading" (undefined) differs from "not logged" ({note: undefined}).
  const logged = useLiveQuery(
    async () => ({ note: personId && entry ? await noteForThread(db, personId, entry.threadKey) : undefined }),
    [personId, entry?.threadKey],
  );

  const act = () =>
    run(async () => {
      if (!entry || !logged) return;
      const email = await readOpenEmail(tabId);
      if (logged.note) {
        await addToLogged(db, logged.note, email.text);
        setAdded(true);
      } else {
        // Loaded on the first log: its date readers for six languages would slow every panel's start.
        const { emailSentAt } = await import('../../capture/email-date');
        const now = new Date();
        const sentAt = emailSentAt(email.sentAt, now, { dayFirst: localeIsDayFirst(navigator.language) });
        await logEmail(db, correspondent, entry, email.text, sentAt ?? now.getTime());
      }
    });
  useShortcut('email.log', () => void act(), Boolean(entry));
  if (!entry || !logged) return null;

  const keys = keysLabel(shortcut('email.log'));
  const button =
    'rounded border border-slate-300 px-2 py-0.5 text-xs hover:border-blue-600 focus-visible:outline-2 focus-visible:outline-blue-700';
  return (
    <div className="mt-3">
      {logged.note ? (
        <div className="flex flex-wrap items-center gap-2">
          <span role="status" data-testid="email-logged" className="text-xs font-semibold text-green-800">
            {t('logEmail.logged')} <span className="font-normal text-slate-500">{formatDayTime(logged.note.occurredAt)}</span>
            {added && <span className="font-normal text-slate-500"> · {t('logEmail.selectionAdded')}</span>}
          </span>
          <button
            type="button"
            title={t('logEmail.addTitle', { keys })}
            aria-keyshortcuts={keys}
            onClick={() => void act()}
            className={button}
          >
            {t('logEmail.add')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          title={t('logEmail.logTitle', { keys })}
          aria-keyshortcuts={keys}
          onClick={() => void act()}
          className={`${button} font-semibold`}
        >
          {t('logEmail.log')} <kbd className="font-sans text-[10px] font-normal text-slate-400">{keys}</kbd>
        </button>
      )}
      <ErrorLine error={error} />
    </div>
  );
}
