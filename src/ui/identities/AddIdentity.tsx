import { useState } from 'react';
import { db } from '../../storage/db';
import { addIdentityByUser } from '../../storage/records/identity';
import type { IdentityKind } from '../../storage/schema';
import { ErrorLine } from '../ErrorLine';
import { useAction } from '../useAction';
import { t } from '../../i18n';

const KINDS: { kind: IdentityKind; label: () => string; placeholder: string }[] = [
  { kind: 'email', label: () => t('identities.kind.email'), placeholder: 'ana@example.com' },
  { kind: 'x', label: () => t('identities.kind.x'), placeholder: '@ana_lima' },
  { kind: 'linkedin', label: () => 'LinkedIn', placeholder: 'https://www.linkedin.com/in/ana-lima' },
  { kind: 'url', label: () => t('identities.kind.url'), placeholder: 'https://example.com/team/ana' },
];

/** Adds another address, handle or profile to a person. Enter saves; a bad value says why and stays. */
export function AddIdentity({ personId }: { personId: string }) {
  const [kind, setKind] = useState<IdentityKind>('email');
  const [text, setText] = useState('');
  const { error, run } = useAction();
  const save = async () => {
    if (await run(() => addIdentityByUser(db, personId, kind, text))) setText('');
  };
  return (
    <div className="mt-1">
      <div className="flex gap-1">
        <select
          aria-label={t('identities.kindLabel')}
          value={kind}
          onChange={(e) => setKind(e.target.value as IdentityKind)}
          className="rounded border border-slate-300 px-1 py-0.5 text-xs"
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label()}
            </option>
          ))}
        </select>
        <input
          aria-label={t('identities.addLabel')}
          placeholder={KINDS.find((k) => k.kind === kind)!.placeholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void save()}
          className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-0.5 text-xs focus:border-blue-600 focus:outline-none"
        />
      </div>
      <ErrorLine error={error} />
    </div>
  );
}
