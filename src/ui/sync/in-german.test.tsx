// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../storage/db';
import { DELETE_REFUSED } from '../../sync/delete-rule';
import { formatHlc } from '../../sync/hlc';
import { catchUpText } from './catch-up-text';
import { lostEditText } from './lost-edit-text';
import { RejectedList } from './RejectedList';
import { ago, errorText, retryText } from './status-text';
import { emptySharedDb } from '../../../test/support/db';
import { inGerman } from '../../../test/support/german';
import { testRoot } from '../../../test/support/react-root';

inGerman();
afterEach(() => emptySharedDb());
const dom = testRoot();
const now = 1_800_000_000_000;

describe('the sync texts in a German browser', () => {
  it('say how long ago, when the next try is and how far a catch-up is, with German plurals', () => {
    expect(ago(now - 30_000, now)).toBe('gerade eben');
    expect(ago(now - 5 * 60_000, now)).toBe('vor 5 Min.');
    expect(ago(now - 24 * 3_600_000, now)).toBe('vor 1 Tag');
    expect(ago(now - 50 * 3_600_000, now)).toBe('vor 2 Tagen');
    expect(retryText(now + 30_000, now)).toBe('Nächster Versuch innerhalb einer Minute.');
    expect(retryText(now + 3 * 60_000, now)).toBe('Nächster Versuch in 3 Min.');
    expect(catchUpText({ done: 0, total: 1, upTo: 1 })).toBe('Abgleich mit dem Team: 0 von 1 Eintrag');
    expect(catchUpText({ done: 40, total: 100, upTo: 130 })).toBe('Abgleich mit dem Team: 40 von 100 Einträgen');
    expect(errorText({ code: 'HTTP_507', message: 'x' })).toMatch(/^Der Team-Server hat keinen Speicherplatz mehr/);
  });

  it('quote a lost edit with German quotation marks and name whose edit won', () => {
    const hlc = formatHlc({ wall: now - 2 * 60_000, counter: 0, node: 'bobs-browser' });
    const edit = { entity: 'notes', id: 'n1', field: 'body', mine: 'Calls after 4', theirs: 'Email first', hlc } as const;
    expect(lostEditText({ ...edit, by: { name: 'Bob', self: false } }, now)).toBe(
      'Ihre Änderung „Calls after 4“ wurde durch „Email first“ von Bob ersetzt (vor 2 Min.)',
    );
    expect(lostEditText({ ...edit, field: 'done', mine: true, theirs: null }, now)).toBe(
      'Ihre Änderung an erledigt „ja“ wurde durch nichts von einem Teammitglied ersetzt (vor 2 Min.)',
    );
  });

  it('show the server’s delete refusal in German, and a message the client does not know as the server sent it', async () => {
    const row = {
      entity: 'notes',
      id: 'n1',
      set: { deleted: true },
      hlc: formatHlc({ wall: now, counter: 0, node: 'd' }),
      state: 'sent',
    } as const;
    await db.rejected.bulkAdd([
      { ...row, code: 'FORBIDDEN', message: DELETE_REFUSED, at: now },
      { ...row, code: 'INVALID', message: 'Some new server rule.', at: now + 1 },
    ]);
    dom.render(<RejectedList />);
    await vi.waitFor(() => expect(dom.container.querySelectorAll('li')).toHaveLength(2));
    const text = dom.container.textContent;
    expect(text).toContain(
      'FORBIDDEN: Einen geteilten Eintrag kann nur die Person, die ihn angelegt hat, oder die Team-Administration löschen',
    );
    expect(text).not.toContain(DELETE_REFUSED);
    expect(text).toContain('INVALID: Some new server rule.');
  });
});
