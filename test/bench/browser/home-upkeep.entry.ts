import { ClydeDB } from '../../../src/storage/db';
import type { Seed } from '../../support/records';
import { upkeepRounds } from '../home-upkeep';

/** Bundled into a plain page by home-bench.ts: the upkeep rounds on Chromium's own IndexedDB. */
Object.assign(globalThis, {
  runUpkeep: (seed: Seed, rounds: number) => upkeepRounds((name) => new ClydeDB(name), seed, rounds),
});
