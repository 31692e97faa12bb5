// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_SENT_AT_TEXT, sentAtTexts } from './sent-at';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (site: string, name: string) =>
  new DOMParser().parseFromString(readFileSync(join(here, site, 'fixtures', `2026-11-23-${name}.html`), 'utf8'), 'text/html');
const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><body>${body}`, 'text/html');

describe('sentAtTexts', () => {
  it('reads the full date of every message of a Gmail thread, in document order', () => {
    expect(sentAtTexts(fixture('gmail', 'thread-cc'), 'gmail')).toEqual([
      'Tue, Nov 18, 2025, 9:14 AM',
      'Tue, Nov 18, 2025, 10:40 AM',
      'Wed, Nov 19, 2025, 8:05 AM',
    ]);
  });

  it('reads the date line of an Outlook message', () => {
    expect(sentAtTexts(fixture('outlook', 'reading-office'), 'outlook')).toEqual(['Tue 11/18/2025 10:02 AM']);
  });

  it('skips the stale views Gmail keeps hidden, and falls back to the text when there is no title', () => {
    const doc = page(
      '<div style="display:none"><span class="g3" title="Mon, Jan 6, 2025, 9:00 AM">Jan 6</span></div><div data-testid="SentReceivedSavedTime">Tue 11/18/2025 10:02 AM</div><span class="g3" title="Wed, Nov 19, 2025, 8:05 AM">Nov 19</span>',
    );
    expect(sentAtTexts(doc, 'gmail')).toEqual(['Wed, Nov 19, 2025, 8:05 AM']);
    expect(sentAtTexts(doc, 'outlook')).toEqual(['Tue 11/18/2025 10:02 AM']);
  });

  it('gives nothing for pages without dates or sites without date selectors, and bounds what it reads', () => {
    expect(sentAtTexts(fixture('gmail', 'inbox-list'), 'gmail')).toEqual([]);
    expect(sentAtTexts(fixture('gmail', 'thread-cc'), 'linkedin')).toEqual([]);
    expect(sentAtTexts(fixture('gmail', 'thread-cc'), undefined)).toEqual([]);
    const [long] = sentAtTexts(page(`<span class="g3" title="${'9'.repeat(10_000)}"></span>`), 'gmail');
    expect(long).toHaveLength(MAX_SENT_AT_TEXT);
  });
});
