import { useCallback, useState } from 'react';
import { storageFaultOf, storageFaultText } from '../storage/db-faults';
import { t } from '../i18n';

/**
 * Runs a storage write and keeps its error message for display. Writes are atomic, so a failed
 * one changed nothing; callers keep the user's text until the write succeeds.
 */
export function useAction() {
  const [error, setError] = useState<string | undefined>();
  const run = useCallback(async (write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write();
      setError(undefined);
      return true;
    } catch (e) {
      setError(e instanceof Error ? readable(e) : String(e));
      return false;
    }
  }, []);
  return { error, run };
}

function readable(e: Error): string {
  // zod errors carry a JSON list of issues; the first issue's message is what a person can act on.
  if (e.name === 'ZodError') return t('storage.invalid');
  // A full disk or an updated Clyde in another window: the text stays, and the message says what to do.
  const fault = storageFaultOf(e);
  if (fault) return storageFaultText(fault);
  return e.message;
}
