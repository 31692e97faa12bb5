import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { reproducibleZip } from './reproducible-zip';

/** What WXT's zip varies between runs: the time on each entry and the order files are added in. */
async function zipAt(date: Date, files: [string, string][]): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of files) zip.file(name, text, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const FILES: [string, string][] = [
  ['manifest.json', '{"name":"Clyde"}'],
  ['chunks/panel-abc.js', 'console.log(1)'],
  ['background.js', 'export {}'],
];

describe('reproducibleZip', () => {
  it('gives the same bytes whatever the times and order of the entries', async () => {
    const first = await zipAt(new Date('2026-12-06T10:00:00Z'), FILES);
    const second = await zipAt(new Date('2027-01-02T23:59:58Z'), [...FILES].reverse());
    expect(first.equals(second)).toBe(false);
    expect((await reproducibleZip(first)).equals(await reproducibleZip(second))).toBe(true);
  });

  it('keeps every file and its content, sorted by name, at the DOS epoch, with no directory entries', async () => {
    const out = await JSZip.loadAsync(await reproducibleZip(await zipAt(new Date(), FILES)));
    const entries = Object.values(out.files);
    expect(entries.map((e) => e.name)).toEqual(['background.js', 'chunks/panel-abc.js', 'manifest.json']);
    for (const [name, text] of FILES) expect(await out.file(name)!.async('string')).toBe(text);
    for (const e of entries) expect(e.date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });
});
