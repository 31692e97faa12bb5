import { BackLink } from './BackLink';

/** A page of Home whose record is no longer there (deleted, merged away, or never synced here): why, and the way back. */
export function Gone({ onBack, children }: { onBack: () => void; children: React.ReactNode }) {
  return (
    <div className="p-6">
      <BackLink onBack={onBack} />
      <p className="mt-4 text-slate-600" role="status">
        {children}
      </p>
    </div>
  );
}
