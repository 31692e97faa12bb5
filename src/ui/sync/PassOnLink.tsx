import { useRef, useState } from 'react';
import { inviteLink, type InviteResponse } from '../../sync/account-protocol';
import { formatDayTime } from '../dates';
import { t } from '../../i18n';

/**
 * A link just made for someone to join with, shown once (the server keeps only its hash). Clyde
 * never sends it: the user copies it and passes it on however they like.
 */
export function PassOnLink({ serverUrl, made, help }: { serverUrl: string; made: InviteResponse; help: string }) {
  const [copied, setCopied] = useState<'copied' | 'select'>();
  const field = useRef<HTMLInputElement>(null);
  const link = inviteLink(serverUrl, made.code);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      // A page may be refused the clipboard; the link is selected for Ctrl+C instead.
      setCopied('select');
      field.current?.select();
    }
  };
  return (
    <div className="mt-1 space-y-1 rounded border border-slate-200 bg-slate-50 p-2 text-xs" data-testid="pass-on-link">
      <p>{help}</p>
      <div className="flex gap-2">
        <input
          ref={field}
          readOnly
          value={link}
          aria-label={t('devices.link.label')}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 font-mono"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100"
          onClick={() => void copy()}
        >
          {copied === 'copied' ? t('devices.link.copied') : t('devices.link.copy')}
        </button>
      </div>
      <p className="text-slate-600">
        {copied === 'select' ? t('devices.link.select') : ''}
        {t('devices.link.once', { when: formatDayTime(made.expiresAt) })}
      </p>
    </div>
  );
}
