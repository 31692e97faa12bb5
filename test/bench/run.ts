// Outside a browser: app code that speaks (t()) reads the English messages, as the unit tests do.
import '../support/i18n-setup';
import { CLIENT_PULL_LIMIT } from '../../src/sync/protocol';
import { captureBench } from './capture';
import { homePageBench, homeUpkeepBench } from './home-bench';
import { joinBench } from './join';
import { lookupBench } from './lookup';
import { PHASES, type ColdPhases } from './panel-cold';
import { panelMemoryBench } from './panel-memory';
import { coldBench, navigationBench, seededProfile } from './panel-speed';
import { parseBench } from './parse';
import { bundleSizes } from './sizes';
import { searchBench } from './search';
import { ms } from './stats';
import { syncBench } from './sync';
import { browserSyncBench } from './sync-browser';

/**
 * `npm run bench`: prints the figures; targets are for reading, not asserted (README).
 * `npm run bench -- parse sizes` runs only the parts named.
 */
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
type Row = [measure: string, value: string, target: string];

const parts: Record<string, () => Promise<Row[]> | Row[]> = {
  sizes: () => {
    const sizes = bundleSizes();
    return [
      ['content script (webmail), gzipped', `${kb(sizes.contentScript)} (${sizes.contentScript} B)`, '≤ 16 KB (15 KB + the polyfill)'],
      ['content script (LinkedIn, X), gzipped', `${kb(sizes.socialScript)} (${sizes.socialScript} B)`, '≤ 16 KB (15 KB + the polyfill)'],
      ['panel scripts, gzipped', kb(sizes.panel), '—'],
    ];
  },
  lookup: async () => {
    const lookup = await lookupBench();
    return [
      [
        `person lookup by email (${lookup.people} people, ${lookup.notes} notes; Node + fake-indexeddb), median`,
        ms(lookup.median),
        '≤ 1 ms',
      ],
      ['person lookup by email, p95', ms(lookup.p95), '—'],
    ];
  },
  search: async () => {
    const found = await searchBench();
    const joined = await searchBench(undefined, undefined, { grouped: true });
    return [
      [
        `search over ${Math.round(found.notes / 1000)}k notes (${found.people} people; Node + fake-indexeddb, mixed queries), median`,
        ms(found.median),
        '≤ 30 ms',
      ],
      ['search, p95', ms(found.p95), '—'],
      ['search, the same records indexed as a team join leaves them (a row per person), median', ms(joined.median), '≤ 30 ms'],
      ['search on a joined store, p95', ms(joined.p95), '—'],
    ];
  },
  capture: async () => {
    const captured = await captureBench();
    return [
      [`capture to stored (${captured.rounds} entries, all tags; Node + fake-indexeddb), median`, ms(captured.median), '≤ 20 ms'],
      ['capture to stored, p95', ms(captured.p95), '—'],
    ];
  },
  home: async () => {
    const h = await homePageBench();
    // The floor: the same page over a store of ten people, so what the page itself costs shows.
    const f = await homePageBench({ people: 10, openings: 10 });
    const u = await homeUpkeepBench();
    const floor = (x: number) => `${ms(x)} (${(x / u.putFloor).toFixed(1)}× a put)`;
    const store = `${h.people / 1000}k people, ${h.notes / 1000}k notes, ${h.tasks / 1000}k tasks`;
    return [
      [`home: opening home.html → first section drawn (Chromium, ${store}, n=${h.openings}), median`, ms(h.firstMedian), '≤ 100 ms'],
      ['home: opening home.html → first section drawn, p95', ms(h.firstP95), '—'],
      [`home: opening home.html → all sections drawn (${h.shown} items shown), median`, ms(h.allMedian), '≤ 250 ms'],
      ['home: opening home.html → all sections drawn, p95', ms(h.allP95), '—'],
      [`home: floor, the same over 10 people: first section / all, median`, `${ms(f.firstMedian)} / ${ms(f.allMedian)}`, '—'],
      [
        `home: summary upkeep added to a capture (Chromium, ${u.people} people, 10 notes and 2 tasks each), median`,
        floor(u.upkeep),
        '≤ 1 ms',
      ],
      [`home: capture with upkeep / without, median`, `${ms(u.captureWith)} / ${ms(u.captureWithout)}`, '—'],
      ['home: floor, one IndexedDB put in the same run, median', ms(u.putFloor), '—'],
      ['home: at-risk reasons for one person (summary read + sentences), median', ms(u.reasonsMedian), '≤ 1 ms'],
      ['home: at-risk reasons for one person, p95', ms(u.reasonsP95), '—'],
    ];
  },
  parse: () =>
    parseBench().map((p): Row => [`parse: ${p.id} on ${p.fixture} (${p.kb.toFixed(1)} KB, happy-dom), median of 50`, ms(p.median), '—']),
  panel: async () => {
    // `CLYDE_BENCH_BEFORE=<another build's chrome-mv3>` times that build's cold load too, in this
    // run and taking turns with this one: the figure before a change beside the one after it.
    const before = process.env.CLYDE_BENCH_BEFORE;
    const profiles = [await seededProfile()];
    try {
      if (before) profiles.push(await seededProfile({ extensionDir: before }));
      const speed = await navigationBench(profiles[0]!);
      const [cold, earlier] = await coldBench(profiles);
      const phases = (label: string, p: ColdPhases): Row[] =>
        PHASES.map(({ key, label: phase }) => [`cold load${label}: ${phase}, median ms since the tab started loading`, ms(p[key]), '—']);
      return [
        [
          `in-app navigation → panel shows person (Chromium, n=${speed.navigation.n}, switches ${speed.navigation.settleMs} ms apart), median`,
          ms(speed.navigation.median),
          '≤ 50 ms',
        ],
        ['in-app navigation → panel shows person, p95', ms(speed.navigation.p95), '≤ 100 ms'],
        [
          `in-app navigation back to back (each switch as soon as the last name shows, n=${speed.backToBack.n}), median`,
          ms(speed.backToBack.median),
          '—',
        ],
        ['in-app navigation back to back, p95', ms(speed.backToBack.p95), '—'],
        ...phases('', cold!.phases),
        [`cold load → panel shows person (n=${cold!.n}), median`, ms(cold!.median), '—'],
        [
          "cold load: page's HTML received → panel shows person, median (what Clyde adds to the page's own arrival)",
          ms(cold!.afterResponse),
          '≤ 300 ms',
        ],
        ['cold load → panel shows person, p95', ms(cold!.p95), '—'],
        ...(earlier
          ? [
              ...phases(' (before)', earlier.phases),
              [`cold load (before: ${before}) → panel shows person (n=${earlier.n}), median`, ms(earlier.median), '—'] as Row,
              ["cold load (before): page's HTML received → panel shows person, median", ms(earlier.afterResponse), '—'] as Row,
              ['cold load: before minus this build, the same thread load by load, median', ms(earlier.pairedDifference), '—'] as Row,
            ]
          : []),
      ];
    } finally {
      for (const p of profiles) await p.remove();
    }
  },
  // Targets as research/sync.md §7 sets them: B1 and B3 are the server's (bootstrap served over
  // loopback, pushes committed), B2 a client's catch-up round. What a browser then spends writing
  // 100k records into IndexedDB is measured too, in Node and in Chromium, without a target.
  sync: async () => {
    const sync = await syncBench();
    const rows = sync.figures.flatMap((f): Row[] => {
      const k = `${Math.round(f.records / 1000)}k`;
      return [
        [
          `sync ${f.store}: bootstrap ${k} records, server side over loopback HTTP (B1; pages of 1000, received and validated)`,
          ms(f.loopbackBootstrapMs),
          '≤ 10 s',
        ],
        [`sync ${f.store}: bootstrap ${k} records into a fresh client, pulled and written (Node + fake-indexeddb)`, ms(f.bootstrapMs), '—'],
        [`sync ${f.store}: incremental pull of 10 changes at ${k}, client round p95 (B2)`, ms(f.incrementalP95Ms), '≤ 50 ms'],
        [`sync ${f.store}: push, one team, server alone (B3; 100-op batches)`, `${Math.round(f.serverPushOpsPerSec)} ops/s`, '≥ 2k ops/s'],
        [
          `sync ${f.store}: push, one team, client engine (500-op batches + confirming pull; Node + fake-indexeddb)`,
          `${Math.round(f.clientPushOpsPerSec)} ops/s`,
          '—',
        ],
      ];
    });
    return sync.skipped ? [...rows, ['sync PostgreSQL', sync.skipped, '—']] : rows;
  },
  // Issue 15 §8: a fresh Chromium profile joins a big team with a Gmail thread open (join.ts).
  join: async () => {
    const j = await joinBench();
    const k = `${Math.round(j.records / 1000)}k`;
    return [
      [
        `join ${k}: Connect → the open thread's person (50 records) shown in the panel (Chromium, SQLite server)`,
        ms(j.personShownMs),
        '≤ 1 s',
      ],
      [`join ${k}: Connect → caught up`, ms(j.catchUpMs), '—'],
      [
        `join ${k}: raw IndexedDB floor, the same ${j.floorRows} rows put into the same stores, ${CLIENT_PULL_LIMIT} a transaction as the pull pages come, in a fresh profile`,
        ms(j.floorMs),
        '—',
      ],
      [`join ${k}: the same floor in the joined profile, beside what the join left`, ms(j.floorBesideMs), '—'],
      ['join: catch-up / floor', `${(j.catchUpMs / j.floorMs).toFixed(2)}×`, '≤ 1.5×'],
      ['join: catch-up / the floor beside what the join left (as measured before)', `${(j.catchUpMs / j.floorBesideMs).toFixed(2)}×`, '—'],
      [
        `join ${k}: Connect → search has indexed everything (${(j.searchReadyMs / j.catchUpMs).toFixed(2)}× catch-up)`,
        ms(j.searchReadyMs),
        '≤ 2× catch-up',
      ],
      [
        `join ${k}: Connect → Home's summaries rebuilt, after search (${(j.homeReadyMs / j.catchUpMs).toFixed(2)}× catch-up)`,
        ms(j.homeReadyMs),
        '—',
      ],
      [
        `join ${k}: raw IndexedDB floor of search's rows (a row per record written one by one, a group per person for a catch-up's), in the joined profile: ${(j.wordsFloorMs / j.floorBesideMs).toFixed(2)}× the records' floor there`,
        ms(j.wordsFloorMs),
        '—',
      ],
      [`join ${k}: read transactions the open Gmail panel made during the catch-up`, String(j.panelReads), '—'],
      [`join: progress line seen (first, last)`, j.progress.join(' … ') || 'none', '—'],
    ];
  },
  // Issue 15 §9: the panel frame's heap after many in-app navigations (panel-memory.ts).
  // `CLYDE_BENCH_BEFORE=<another build's chrome-mv3>` reads that build the same way, in this run.
  'panel-memory': async () => {
    const before = process.env.CLYDE_BENCH_BEFORE;
    const rows = (m: Awaited<ReturnType<typeof panelMemoryBench>>, label: string): Row[] => {
      const [a, b, c] = m.readings;
      const growth = (from: typeof a, to: typeof a) => {
        const bytes = to.used - from.used;
        return `${bytes < 0 ? '' : '+'}${mb(bytes)} (${kb(bytes / (to.navigations - from.navigations))}/nav)`;
      };
      const delta = (bytes: number) => `${bytes < 0 ? '' : '+'}${kb(bytes)}`;
      // What the panel itself holds: the heap less V8's code, which keeps growing for a few hundred
      // navigations as functions get optimized (heap-snapshot.ts isCompiledCode).
      const held = (r: typeof a) => r.used - r.code;
      // Rising: the second stretch adds at least half as much as the first, and more than noise.
      const rising = held(c) - held(b) > Math.max(64 * 1024, (held(b) - held(a)) / 2);
      const store = `${m.people / 1000}k people, ${m.notes / 1000}k notes`;
      const left = m.survivors;
      for (const k of m.kinds) console.log(`panel heap${label}: ${k.count} × ${k.kind}, ${kb(k.bytes)}, held by: ${k.path}`);
      return [
        [`panel JS heap${label} after ${a.navigations} navigations (Chromium, ${store}, after full GCs)`, mb(a.used), '≤ 30 MB'],
        // The growth, V8's code and what is left; the target is that what is left does not grow.
        [`panel JS heap${label} growth, navigations ${a.navigations} → ${b.navigations}`, growth(a, b), '—'],
        [`panel JS heap${label} growth, navigations ${b.navigations} → ${c.navigations}`, growth(b, c), '—'],
        [
          `panel JS heap${label}: of the two growths, V8's code (optimized functions: warm-up)`,
          `${delta(b.code - a.code)}, ${delta(c.code - b.code)}`,
          '—',
        ],
        [
          `panel JS heap${label}: the two growths less V8's code`,
          [held(b) - held(a), held(c) - held(b)].map((x) => `${delta(x)} (${(x / m.more).toFixed(0)} B/nav)`).join(', '),
          'none',
        ],
        [`panel JS heap${label} less V8's code: keeps rising or levels off`, rising ? 'rising' : 'levels off', 'levels off'],
        [
          `panel JS heap${label}: objects made in navigations ${a.navigations} → ${b.navigations} still alive at ${c.navigations} (code aside)`,
          `${left.count}, ${kb(left.bytes)} (${(left.bytes / m.more).toFixed(0)} B/nav), of which JS ${kb(left.jsBytes)}`,
          'none',
        ],
        [
          `panel${label}: DOM nodes / JS event listeners at ${m.readings.map((r) => r.navigations).join(', ')}`,
          m.readings.map((r) => `${r.domNodes}/${r.listeners}`).join(', '),
          'steady',
        ],
      ];
    };
    const earlier = before ? rows(await panelMemoryBench({ extensionDir: before }), ' (before)') : [];
    return [...rows(await panelMemoryBench(), ''), ...earlier];
  },
  'sync-browser': async () => {
    const browserSync = await browserSyncBench();
    const bk = `${Math.round(browserSync.records / 1000)}k`;
    return [
      [
        `sync SQLite: bootstrap ${bk} records into a fresh extension profile (Chromium, join on the options page → caught up)`,
        ms(browserSync.bootstrapMs),
        '—',
      ],
      [`sync SQLite: … and search has indexed them all (Chromium)`, ms(browserSync.searchReadyMs), '—'],
    ];
  },
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in parts));
if (unknown.length > 0) {
  console.error(`Unknown bench part: ${unknown.join(', ')}. Parts: ${Object.keys(parts).join(', ')}.`);
  process.exit(2);
}
const rows: Row[] = [];
for (const [name, run] of Object.entries(parts)) if (wanted.length === 0 || wanted.includes(name)) rows.push(...(await run()));

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(10)}  target`);
for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(10)}  ${target}`);
