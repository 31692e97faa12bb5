/**
 * Reads something off the page at once (`check`) or shortly after a change (`schedule`, debounced:
 * webmail mutates constantly) and calls `onChange` only when what it read differs, by `key`, from
 * the last read. `check` returns what it read. A pending read is dropped when `signal` aborts.
 * Shared by the page-context watch and the theme watch, which differ only in what they read and
 * which changes they listen to.
 */
export function debouncedRead<T>(
  read: () => T,
  onChange: (value: T) => void,
  signal: AbortSignal,
  debounceMs: number,
  key: (value: T) => unknown = (value) => value,
): { check: () => T; schedule: () => void } {
  let last: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    // A read now covers whatever a pending one was scheduled for.
    clearTimeout(timer);
    timer = undefined;
    const value = read();
    const k = key(value);
    if (k !== last) {
      last = k;
      onChange(value);
    }
    return value;
  };
  const schedule = () => {
    if (timer === undefined && !signal.aborted) timer = setTimeout(check, debounceMs);
  };
  signal.addEventListener('abort', () => clearTimeout(timer));
  return { check, schedule };
}
