import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../storage/db';
import { addNeverLog, listNeverLog, removeNeverLog } from '../../storage/records/never-log';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';

/**
 * The never-log list in Settings: addresses and domains Clyde shows nothing for and records
 * nothing about (personal mail, colleagues). Kept on this device only. This is also the way
 * back for someone hidden with "Never show this person" in the panel.
 */
export function NeverLogSettings() {
  const entries = useLiveQuery(() => listNeverLog(db));
  const [text, setText] = useState('');
  const { error, run } = useAction();
  const add = async () => {
    if (await run(() => addNeverLog(db, text))) setText('');
  };
  return (
    <section aria-labelledby="never-log-title" className="mt-6">
      <h2 id="never-log-title" className="text-base font-semibold">
        Never log
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Clyde shows nothing and records nothing for these addresses and domains: personal mail, colleagues. This list stays on this device
        and is never shared with your team.
      </p>
      <ul className="mt-2 space-y-1 text-sm" aria-label="Never-log list">
        {entries?.map((e) => (
          <li key={e.value} data-testid="never-log-entry" className="flex items-center gap-2">
            <span className="min-w-0 flex-1 truncate">{e.kind === 'domain' ? `Anyone at ${e.value}` : e.value}</span>
            <button
              type="button"
              aria-label={`Remove ${e.value} from the never-log list`}
              onClick={() => void run(() => removeNeverLog(db, e.value))}
              className="text-xs text-blue-800 underline"
            >
              Remove
            </button>
          </li>
        ))}
        {entries?.length === 0 && <li className="text-slate-500">Nobody yet.</li>}
      </ul>
      <div className="mt-2 flex gap-2">
        <input
          aria-label="Address or domain to never log"
          placeholder="ana@example.com or example.com"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void add()}
          className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm focus:border-blue-600 focus:outline-none"
        />
        <button
          type="button"
          onClick={() => void add()}
          className="rounded bg-blue-700 px-3 py-1 text-sm font-semibold text-white hover:bg-blue-800"
        >
          Add
        </button>
      </div>
      <ErrorLine error={error} />
    </section>
  );
}
