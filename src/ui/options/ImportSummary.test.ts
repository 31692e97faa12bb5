import { describe, expect, it } from 'vitest';
import { importSummary } from './ImportContacts';

describe('importSummary', () => {
  it('says what was added, known, left out and skipped, listing the first skips', () => {
    expect(importSummary({ added: 1, known: 0, neverLogged: 0, skipped: [] })).toBe('Added 1 person.');
    const skipped = Array.from({ length: 7 }, (_, i) => ({ at: `row ${i + 2}`, why: 'no name, email or profile' }));
    expect(importSummary({ added: 40, known: 1, neverLogged: 2, skipped })).toBe(
      'Added 40 people. 1 contact was already in Clyde. 2 contacts on your never-log list left out. Skipped 7: row 2 (no name, email or profile), row 3 (no name, email or profile), row 4 (no name, email or profile), row 5 (no name, email or profile), row 6 (no name, email or profile) and 2 more.',
    );
  });
});
