import { useState } from 'react';
import type { Correspondent, PageContext } from '../parsers/schema';
import { clipProfile } from '../storage/records/clip';
import { db } from '../storage/db';
import { ErrorLine } from './ErrorLine';
import { useAction } from './useAction';
import { formatNumber, t } from '../i18n';

/** One click stores what the open profile shows into the person (new or matched). */
export function ClipButton({ correspondent, context }: { correspondent: Correspondent; context: PageContext }) {
  const { error, run } = useAction();
  const [result, setResult] = useState<string | undefined>();
  return (
    <div className="mt-3">
      <button
        type="button"
        onClick={() =>
          void run(async () => {
            const clip = await clipProfile(db, correspondent, { site: context.site, url: context.url });
            setResult(
              clip.created
                ? t('clip.created')
                : clip.changes.length
                  ? t('clip.updated', clip.changes.length, [formatNumber(clip.changes.length)])
                  : t('clip.upToDate'),
            );
          })
        }
        className="rounded bg-blue-700 px-3 py-1 font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        {t('clip.button')}
      </button>
      {result && (
        <span role="status" className="ml-2 text-xs text-slate-600">
          {result}
        </span>
      )}
      <ErrorLine error={error} />
    </div>
  );
}
