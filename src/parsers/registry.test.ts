// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parserFor } from './index';
import { mail } from './mail';
import { social } from './social';

describe('per-surface registries', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail', 'gmail', undefined],
    ['https://outlook.office.com/mail/inbox', 'outlook', 'outlook', undefined],
    ['https://www.linkedin.com/in/ana-lima', 'linkedin', undefined, 'linkedin'],
    ['https://br.linkedin.com/in/ana-lima', 'linkedin', undefined, 'linkedin'],
    ['https://x.com/helenaprado', 'x', undefined, 'x'],
    ['https://twitter.com/helenaprado', 'x', undefined, 'x'],
    ['https://example.com/', undefined, undefined, undefined],
  ])('%s → all: %s, mail: %s, social: %s', (url, all, mailOnly, socialOnly) => {
    const u = new URL(url);
    expect(parserFor(u)?.id).toBe(all);
    expect(mail.parserFor(u)?.id).toBe(mailOnly);
    expect(social.parserFor(u)?.id).toBe(socialOnly);
  });
});
