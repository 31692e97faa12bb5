import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../storage/db';
import { addNeverLog, listNeverLog, removeNeverLog } from '../../storage/records/never-log';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { t } from '../../i18n';

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
        {t('neverLog.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('neverLog.help')}</p>
      <ul className="mt-2 space-y-1 text-sm" aria-label={t('neverLog.list')}>
        {entries?.map((e) => (
          <li key={e.value} data-testid="never-log-entry" className="flex items-center gap-2">
            <span className="min-w-0 flex-1 truncate">{e.kind === 'domain' ? t('neverLog.anyoneAt', { domain: e.value }) : e.value}</span>
            <button
              type="button"
              aria-label={t('neverLog.remove', { what: e.value })}
              onClick={() => void run(() => removeNeverLog(db, e.value))}
              className="text-xs text-blue-800 underline"
            >
              {t('neverLog.removeButton')}
            </button>
          </li>
        ))}
        {entries?.length === 0 && <li className="text-slate-500">{t('neverLog.nobody')}</li>}
      </ul>
      <div className="mt-2 flex gap-2">
        <input
          aria-label={t('neverLog.input')}
          placeholder={t('neverLog.placeholder')}
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
          {t('neverLog.add')}
        </button>
      </div>
      <ErrorLine error={error} />
    </section>
  );
}
