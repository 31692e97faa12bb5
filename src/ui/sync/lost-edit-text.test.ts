import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../sync/hlc';
import type { LostEdit } from '../../sync/client/lost-edits';
import { lostEditText } from './lost-edit-text';

const now = 1_800_000_000_000;
const edit = (over: Partial<LostEdit> = {}, minutesAgo = 2): LostEdit => ({
  entity: 'notes',
  id: 'n1',
  field: 'body',
  mine: 'Calls after 4',
  theirs: 'Email first',
  hlc: formatHlc({ wall: now - minutesAgo * 60_000, counter: 0, node: 'bobs-browser' }),
  by: { name: 'Bob', self: false },
  ...over,
});

describe('lostEditText', () => {
  it('quotes a person’s, company’s or deal’s own name without naming the field, and names the others', () => {
    expect(lostEditText(edit({ entity: 'people', field: 'name', mine: 'Ann Lee', theirs: 'Anne Lee' }), now)).toBe(
      'Your edit “Ann Lee” was replaced by Bob’s “Anne Lee” (2 min ago)',
    );
    expect(lostEditText(edit({ entity: 'opportunities', field: 'title', mine: 'Rollout', theirs: 'Pilot' }), now)).toMatch(
      /^Your edit “Rollout”/,
    );
    expect(lostEditText(edit({ entity: 'people', field: 'headline', mine: 'CTO', theirs: 'CEO' }), now)).toMatch(
      /^Your edit of the headline “CTO”/,
    );
    expect(lostEditText(edit({ entity: 'companies', field: 'linkedinUrl', mine: 'a', theirs: 'b' }), now)).toMatch(
      /^Your edit of LinkedIn page “a”/,
    );
  });

  it('names the teammate and says how long ago their edit was made', () => {
    expect(lostEditText(edit(), now)).toBe('Your edit “Calls after 4” was replaced by Bob’s “Email first” (2 min ago)');
    expect(lostEditText(edit({}, 0), now)).toContain('(just now)');
    expect(lostEditText(edit({}, 150), now)).toContain('(2 h ago)');
  });

  it('says "a teammate" until the server named them, and "your other browser" for the user’s own', () => {
    expect(lostEditText(edit({ by: undefined }), now)).toBe(
      'Your edit “Calls after 4” was replaced by a teammate’s “Email first” (2 min ago)',
    );
    expect(lostEditText(edit({ by: { name: '', self: false } }), now)).toContain('by a teammate’s');
    expect(lostEditText(edit({ by: { name: 'Ann', self: true } }), now)).toBe(
      'Your edit “Calls after 4” was replaced by “Email first” from your other browser (2 min ago)',
    );
  });

  it('names fields other than the text, reads values as words and quotes long text by its start on one line', () => {
    expect(lostEditText(edit({ field: 'done', mine: true, theirs: false }), now)).toBe(
      'Your edit of done “yes” was replaced by Bob’s “no” (2 min ago)',
    );
    expect(lostEditText(edit({ entity: 'tasks', field: 'due', mine: null }), now)).toContain(
      'Your edit of the due date nothing was replaced',
    );
    // Numbers as numbers and timestamps as days, never as raw milliseconds.
    const day = Date.UTC(2027, 2, 14, 12);
    expect(lostEditText(edit({ entity: 'tasks', field: 'due', mine: day, theirs: null }), now)).toMatch(
      /^Your edit of the due date “[^”]*2027[^”]*” was replaced by Bob’s nothing/,
    );
    expect(lostEditText(edit({ entity: 'opportunities', field: 'value', mine: 12500, theirs: 9000 }), now)).toBe(
      'Your edit of value “12,500” was replaced by Bob’s “9,000” (2 min ago)',
    );
    expect(lostEditText(edit({ entity: 'opportunities', field: 'closeAt', mine: day, theirs: null }), now)).toMatch(
      /^Your edit of expected close “[^”]*2027/,
    );
    const long = lostEditText(edit({ mine: `line one\n\n${'x'.repeat(200)}` }), now);
    expect(long).toMatch(/^Your edit “line one x+…” was replaced/);
    expect(long).not.toContain('\n');
    expect(long.slice(long.indexOf('“') + 1, long.indexOf('”'))).toHaveLength(60);
  });
});
