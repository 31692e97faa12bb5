import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsers } from '../../src/parsers';
import { htmlDocument, pageWindow } from '../support/fixtures/page';
import { median } from './stats';

/**
 * Parse time of each site parser on its largest fixture, median of 50 runs after 5 warm-up
 * runs, in happy-dom under Node (a browser's DOM is faster; the ranking is what matters).
 */
export function parseBench(runs = 50): { id: string; fixture: string; kb: number; median: number }[] {
  return parsers.map((parser) => {
    const dir = join('src/parsers', parser.id, 'fixtures');
    const html = readdirSync(dir).filter((f) => f.endsWith('.html'));
    const largest = html.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0]!;
    const { url } = JSON.parse(readFileSync(join(dir, largest.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string };
    // A window that loads nothing: real pages link style sheets and frames on the sites' hosts.
    const window = pageWindow();
    const doc = htmlDocument(readFileSync(join(dir, largest), 'utf8'), window);
    const times: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const t0 = performance.now();
      parser.parse(doc, new URL(url));
      if (i >= 5) times.push(performance.now() - t0);
    }
    void window.happyDOM.close();
    return { id: parser.id, fixture: largest, kb: statSync(join(dir, largest)).size / 1024, median: median(times) };
  });
}
