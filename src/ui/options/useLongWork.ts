import { useCallback, useRef, useState } from 'react';
import type { LongWork } from '../../storage/progress';

export interface Progress {
  done: number;
  total: number;
}

/**
 * One long piece of work at a time (an import, an export): `begin()` hands the work its signal and
 * progress callback, `progress` is what to show while it runs, `cancel()` stops it, and `end()`
 * clears it whether it finished, failed or was cancelled.
 */
export function useLongWork() {
  const [progress, setProgress] = useState<Progress | undefined>();
  const running = useRef<AbortController | undefined>(undefined);
  const begin = useCallback((): LongWork => {
    const controller = new AbortController();
    running.current = controller;
    setProgress({ done: 0, total: 0 });
    return { signal: controller.signal, onProgress: (done, total) => setProgress({ done, total }) };
  }, []);
  const end = useCallback(() => {
    running.current = undefined;
    setProgress(undefined);
  }, []);
  const cancel = useCallback(() => running.current?.abort(), []);
  return { progress, begin, end, cancel };
}
