import { useEffect, useState } from 'react';

/**
 * True once `key` has stayed the same for `ms`. A page that is still loading (Gmail fetching a
 * thread, LinkedIn rendering the next profile) looks unreadable for a moment; only a state that
 * lasts is worth telling the user about.
 */
export function useSettled(key: string, ms: number): boolean {
  const [settled, setSettled] = useState<string | undefined>();
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled === key;
}
