/**
 * What long work (importing an address book, exporting everything) tells the page while it runs,
 * and how the user stops it. Work that is stopped throws the signal's AbortError from inside its
 * transaction or before it hands anything on, so it leaves nothing half done.
 */
export interface LongWork {
  signal?: AbortSignal;
  /** Called at the start, every few hundred items and at the end; `total` never changes during one run. */
  onProgress?: (done: number, total: number) => void;
}

/** Items between two progress reports: often enough for a counter to move, rare enough to cost nothing. */
const EVERY = 250;

/**
 * A counter for `total` items: `tick()` after each one reports every EVERY items and checks for
 * cancellation there. It never waits itself: inside an IndexedDB transaction a wait on anything
 * but the database would end the transaction. Work on the database gives the page its turns
 * between requests; CPU-bound work must yield on its own (see `yieldToPage`).
 */
export function progressOf(total: number, { signal, onProgress }: LongWork = {}) {
  let done = 0;
  signal?.throwIfAborted();
  onProgress?.(0, total);
  return {
    tick(n = 1) {
      const before = done;
      done += n;
      const crossed = Math.floor(before / EVERY) !== Math.floor(done / EVERY);
      const finished = before < total && done >= total;
      if (!crossed && !finished) return;
      signal?.throwIfAborted();
      onProgress?.(done, total);
    },
  };
}

/**
 * True for the error a cancelled run throws, so callers can say "cancelled" rather than "failed".
 * By name: the DOMException may come from another realm's AbortController (a test DOM, a frame).
 */
export const isCancelled = (e: unknown) => e instanceof Error && e.name === 'AbortError';

/** Lets the page draw and hear a click between two slices of CPU-bound work (never inside a transaction). */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
