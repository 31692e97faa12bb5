import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessagesText, parseMessagesText } from '@wxt-dev/i18n/build';
import { afterEach, beforeEach } from 'vitest';

type ChromeMessages = Record<string, { message: string }>;
type I18n = { getMessage(key: string, substitutions?: string | string[]): string };

const german = JSON.parse(
  generateChromeMessagesText(parseMessagesText(readFileSync(resolve(process.cwd(), 'locales/de.yml'), 'utf8'), 'YAML')),
) as ChromeMessages;

/**
 * Runs each test of the calling file as a German browser would: getMessage reads locales/de.yml
 * (i18n-setup.ts gives English otherwise), with Chrome's $1…$9 rules. For tests that a text is
 * really looked up, not written in the code: in English the two would read the same.
 */
export function inGerman(): void {
  const i18n = (globalThis as unknown as { chrome: { i18n: I18n } }).chrome.i18n;
  let english: I18n['getMessage'];
  beforeEach(() => {
    english = i18n.getMessage;
    i18n.getMessage = (key, substitutions) => {
      const message = german[key]?.message;
      if (message == null) return '';
      const subs = substitutions == null ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
      return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
    };
  });
  afterEach(() => {
    i18n.getMessage = english;
  });
}
