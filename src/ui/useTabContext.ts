import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { contextKey, HelloReply, helloMessage, TabContext } from '../messaging/protocol';
import type { PageContext } from '../parsers/schema';

/**
 * The page context of the tab this panel sits in, kept current from `storage.session`, which
 * only extension pages can read. `undefined` while loading. The panel never listens to
 * `window.postMessage`: nothing the host page says can change who is shown.
 */
export function useTabContext(): PageContext | null | undefined {
  const [context, setContext] = useState<PageContext | null | undefined>(undefined);

  useEffect(() => {
    let key: string | undefined;
    const apply = (value: unknown) => {
      const parsed = TabContext.safeParse(value);
      setContext(parsed.success ? parsed.data.context : null);
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
      if (key && key in changes) apply(changes[key]!.newValue);
    };
    browser.storage.session.onChanged.addListener(onChanged);
    void (async () => {
      const reply = HelloReply.safeParse(await browser.runtime.sendMessage(helloMessage));
      if (!reply.success) return setContext(null);
      key = contextKey(reply.data.tabId);
      apply((await browser.storage.session.get(key))[key]);
    })();
    return () => browser.storage.session.onChanged.removeListener(onChanged);
  }, []);

  return context;
}
