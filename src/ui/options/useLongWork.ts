import { useCallback, useRef, useState } from 'react';
import { isCancelled, type LongWork } from '../../storage/progress';

export interface Progress {
  done: number;
  total: number;
}

/**
 * One long piece of work at a time (an import, an export): `track(work, onCancelled)` hands the
 * work its signal and progress callback, `progress` is what to show while it runs, and `cancel()`
 * stops it. A cancelled run calls `onCancelled` instead of failing; any other error is thrown on.
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
  const track = useCallback(
    async (work: (w: LongWork) => Promise<void>, onCancelled: () => void) => {
      try {
        await work(begin());
      } catch (e) {
        if (!isCancelled(e)) throw e;
        onCancelled();
      } finally {
        end();
      }
    },
    [begin, end],
  );
  return { progress, track, cancel };
}
