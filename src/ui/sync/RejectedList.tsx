import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../storage/db';
import { t } from '../../i18n';
import { formatDayTime } from '../dates';
import { DELETE_REFUSED } from '../../sync/delete-rule';

/** Server messages the client knows, shown in the user's language; any other stays as the server wrote it. */
const KNOWN: Record<string, () => string> = { [DELETE_REFUSED]: () => t('syncMore.deleteRefusedByServer') };
const messageText = (message: string) => KNOWN[message]?.() ?? message;

/**
 * Changes the team server refused for good (research/sync.md §4.1: nothing is silently
 * discarded). Each shows what it tried to change and why; the user can copy the text out.
 */
export function RejectedList() {
  const rejected = useLiveQuery(() => db.rejected.reverse().limit(200).toArray());
  if (!rejected?.length) return <p className="text-sm text-slate-500">{t('sync.noRefused')}</p>;
  return (
    <ul className="space-y-2">
      {rejected.map((r) => (
        <li key={r.n} className="rounded border border-slate-200 p-2 text-sm">
          <p>
            <span className="font-medium">{formatDayTime(r.at)}</span> · {r.entity} · {r.code}: {messageText(r.message)}
          </p>
          <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap text-slate-600">{JSON.stringify(r.set, null, 2)}</pre>
        </li>
      ))}
    </ul>
  );
}
