import { captureBench } from './capture';
import { lookupBench } from './lookup';
import { panelSpeedBench } from './panel-speed';
import { parseBench } from './parse';
import { bundleSizes } from './sizes';
import { searchBench } from './search';
import { ms } from './stats';
import { syncBench } from './sync';
import { browserSyncBench } from './sync-browser';

/** `npm run bench`: prints the figures; targets are for reading, not asserted (README). */
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows: [string, string, string][] = [];

const sizes = bundleSizes();
rows.push(['content script, gzipped', kb(sizes.contentScript), '≤ 15 KB']);
rows.push(['panel scripts, gzipped', kb(sizes.panel), '—']);

const lookup = await lookupBench();
rows.push([`person lookup by email (${lookup.people} people, ${lookup.notes} notes; Node + fake-indexeddb), median`, ms(lookup.median), '≤ 1 ms']);
rows.push(['person lookup by email, p95', ms(lookup.p95), '—']);

const found = await searchBench();
rows.push([`search over ${Math.round(found.notes / 1000)}k notes (${found.people} people; Node + fake-indexeddb, mixed queries), median`, ms(found.median), '≤ 30 ms']);
rows.push(['search, p95', ms(found.p95), '—']);

const captured = await captureBench();
rows.push([`capture to stored (${captured.rounds} entries, all tags; Node + fake-indexeddb), median`, ms(captured.median), '≤ 20 ms']);
rows.push(['capture to stored, p95', ms(captured.p95), '—']);

for (const p of parseBench()) {
  rows.push([`parse: ${p.id} on ${p.fixture} (${p.kb.toFixed(1)} KB, happy-dom), median of 50`, ms(p.median), '—']);
}

const speed = await panelSpeedBench();
rows.push([`in-app navigation → panel shows person (Chromium, n=${speed.navigation.n}, switches ${speed.navigation.settleMs} ms apart), median`, ms(speed.navigation.median), '≤ 50 ms']);
rows.push(['in-app navigation → panel shows person, p95', ms(speed.navigation.p95), '≤ 100 ms']);
rows.push([`in-app navigation back to back (each switch as soon as the last name shows, n=${speed.backToBack.n}), median`, ms(speed.backToBack.median), '—']);
rows.push(['in-app navigation back to back, p95', ms(speed.backToBack.p95), '—']);
rows.push([`cold load → panel shows person (n=${speed.coldLoad.n}), median`, ms(speed.coldLoad.median), '—']);
rows.push(['cold load → panel shows person, p95', ms(speed.coldLoad.p95), '—']);

// Targets as research/sync.md §7 sets them: B1 and B3 are the server's (bootstrap served over
// loopback, pushes committed), B2 a client's catch-up round. What a browser then spends writing
// 100k records into IndexedDB is measured too, in Node and in Chromium, without a target.
const sync = await syncBench();
for (const f of sync.figures) {
  const k = `${Math.round(f.records / 1000)}k`;
  rows.push([`sync ${f.store}: bootstrap ${k} records, server side over loopback HTTP (B1; pages of 1000, received and validated)`, ms(f.loopbackBootstrapMs), '≤ 10 s']);
  rows.push([`sync ${f.store}: bootstrap ${k} records into a fresh client, pulled and written (Node + fake-indexeddb)`, ms(f.bootstrapMs), '—']);
  rows.push([`sync ${f.store}: incremental pull of 10 changes at ${k}, client round p95 (B2)`, ms(f.incrementalP95Ms), '≤ 50 ms']);
  rows.push([`sync ${f.store}: push, one team, server alone (B3; 100-op batches)`, `${Math.round(f.serverPushOpsPerSec)} ops/s`, '≥ 2k ops/s']);
  rows.push([`sync ${f.store}: push, one team, client engine (500-op batches + confirming pull; Node + fake-indexeddb)`, `${Math.round(f.clientPushOpsPerSec)} ops/s`, '—']);
}
if (sync.skipped) rows.push(['sync PostgreSQL', sync.skipped, '—']);
const browserSync = await browserSyncBench();
const bk = `${Math.round(browserSync.records / 1000)}k`;
rows.push([`sync SQLite: bootstrap ${bk} records into a fresh extension profile (Chromium, join on the options page → caught up)`, ms(browserSync.bootstrapMs), '—']);
rows.push([`sync SQLite: … and search has indexed them all (Chromium)`, ms(browserSync.searchReadyMs), '—']);

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(10)}  target`);
for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(10)}  ${target}`);
