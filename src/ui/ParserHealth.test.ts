// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PageContext } from '../parsers/schema';
import { searchGuess } from './ParserHealth';

const page = (people: PageContext['people']): PageContext => ({
  site: 'linkedin',
  view: 'profile',
  people,
  url: 'https://www.linkedin.com/',
  unread: true,
});

describe('search guess for a page Clyde could not read', () => {
  it.each([
    [[{ role: 'profile' as const, profileUrl: 'https://www.linkedin.com/in/ana-lima-4b2a19' }], 'ana lima'],
    [[{ role: 'profile' as const, profileUrl: 'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa' }], 'josé garcía'],
    [[{ role: 'profile' as const, profileUrl: 'https://www.linkedin.com/company/northwind-traders' }], 'northwind traders'],
    [[{ role: 'profile' as const, handle: 'julia_rocha', profileUrl: 'https://x.com/julia_rocha' }], 'julia_rocha'],
    [[], ''],
  ])('%j → %s', (people, guess) => {
    expect(searchGuess(page(people))).toBe(guess);
  });
});
