import { readFileSync } from 'node:fs';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { formatNumber, t } from './i18n';

type Parsed = ReturnType<typeof parseMessagesText>[number];
const read = (lang: string) =>
  new Map(parseMessagesText(readFileSync(`locales/${lang}.yml`, 'utf8'), 'YAML').map((m: Parsed) => [m.key.join('.'), m] as const));
const english = read('en');
const german = read('de');

/** What a translation must keep: its $1…$9, its {names}, and being a plural or not. */
const shape = (m: Parsed) => ({ substitutions: m.substitutions, named: [...m.namedSubstitutions].sort(), plural: m.type === 'plural' });

describe('the two languages', () => {
  it('German has every English message and no other, each with the same substitutions and plural forms', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, m] of english) expect({ key, ...shape(german.get(key)!) }).toEqual({ key, ...shape(m) });
  });

  it('leaves no German message empty or still in English, but for names and words both languages share', () => {
    const same = new Set([
      'manifest.name',
      'home.pageTitle',
      'shortcuts.searchKeysKeys',
      'team.title',
      'home.title',
      'home.pipeline',
      'home.person',
      'board.name',
      'board.home',
    ]);
    const shared = /^[\p{P}\p{S}\s$\d]*$|^(Optional|Domains|Team|Pipeline|Name|Home|E-Mail)$/u;
    const untranslated = [...german]
      .filter(([key, m]) => !key.startsWith('@@') && !same.has(key) && m.type === 'simple' && !shared.test(m.message))
      .filter(([key, m]) => m.type === 'simple' && (m.message.trim() === '' || m.message === (english.get(key) as typeof m).message))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('reads English in tests, with plurals and counts in the locale', () => {
    expect(t('sync.pending', 1, [formatNumber(1)])).toBe('1 change waiting to sync');
    expect(t('sync.pending', 1204, [formatNumber(1204)])).toBe('1,204 changes waiting to sync');
    expect(t('tasks.done', { title: 'Send the quote' })).toBe('Done: Send the quote');
  });
});
