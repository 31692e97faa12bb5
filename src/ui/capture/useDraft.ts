import { useCallback, useState } from 'react';

/**
 * Text being typed, kept in the page's sessionStorage as well as in state, so that neither a save
 * the browser refused (a full disk) nor the reload Clyde asks for after an update in another
 * window loses it. sessionStorage is outside IndexedDB's quota, belongs to the extension's origin
 * (no web page reads it) and is gone when the tab closes. Clearing the text clears the copy.
 */
export function useDraft(key: string): [string, (text: string) => void] {
  const [state, setState] = useState(() => ({ key, text: read(key) }));
  const text = state.key === key ? state.text : read(key);
  const set = useCallback(
    (next: string) => {
      write(key, next);
      setState({ key, text: next });
    },
    [key],
  );
  return [text, set];
}

function read(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return ''; // storage turned off: the text lives in state only
  }
}

function write(key: string, text: string) {
  try {
    if (text) sessionStorage.setItem(key, text);
    else sessionStorage.removeItem(key);
  } catch {
    // Full or turned off: the text is still in state, as before this copy existed.
  }
}
