import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessagesText, parseMessagesText } from '@wxt-dev/i18n/build';

/**
 * Unit tests run outside a browser, so browser.i18n is missing. This gives src/i18n.ts the real
 * English messages (locales/en.yml, turned into messages.json the way the build does) and Chrome's
 * getMessage rules ($1…$9, `$$`), so component tests read the same words a user does.
 */
type ChromeMessages = Record<string, { message: string }>;
const english = JSON.parse(
  generateChromeMessagesText(parseMessagesText(readFileSync(resolve(process.cwd(), 'locales/en.yml'), 'utf8'), 'YAML')),
) as ChromeMessages;

function getMessage(key: string, substitutions?: string | string[]): string {
  const message = english[key]?.message;
  if (message == null) return '';
  const subs = substitutions == null ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

const g = globalThis as { chrome?: { i18n?: unknown } };
g.chrome ??= {};
g.chrome.i18n ??= { getMessage, getUILanguage: () => 'en' };
