import { describe, expect, it } from 'vitest';
import { catchUpText } from './catch-up-text';

describe('catchUpText', () => {
  it('says how far a catch-up is, in records with thousands marked', () => {
    expect(catchUpText({ done: 42_000, total: 100_000, upTo: 130_000 })).toBe('Catching up with the team: 42,000 of 100,000 records');
    expect(catchUpText({ done: 0, total: 1, upTo: 1 })).toBe('Catching up with the team: 0 of 1 record');
  });

  it('says nothing when no catch-up is counted', () => {
    expect(catchUpText(undefined)).toBeUndefined();
  });
});
