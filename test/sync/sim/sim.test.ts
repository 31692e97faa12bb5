import { describe, expect, it } from 'vitest';
import { runSeed, DEFAULT_SIM, type SeedResult } from './run';

/**
 * Chosen so that together they exercise every path the last test lists. The workload and the
 * client's requests draw from one stream per seed, so a change to either can move a path to other
 * seeds (the lost-edit and role requests of #15 left 1–3 without an eviction; the quota, restore
 * and erase ops moved 2 and 3 off refusals): pick again then.
 */
const FIXED_SEEDS = [1, 8, 12];

/**
 * Each test asks for the runs it reads, so any one of them can run alone, in any order. A run is
 * deterministic, so tests that read the same seed share one run instead of repeating it.
 */
const runs = new Map<number, Promise<SeedResult>>();
function resultOf(seed: number): Promise<SeedResult> {
  let run = runs.get(seed);
  if (!run) runs.set(seed, (run = runSeed(seed, DEFAULT_SIM)));
  return run;
}

describe('deterministic sync simulation', () => {
  for (const seed of FIXED_SEEDS) {
    it(`seed ${seed} converges with nothing lost or leaked`, async () => {
      const r = await resultOf(seed);
      expect(r.problems).toEqual([]);
      expect(r).toMatchObject({ converged: true, lost: 0, leaked: 0 });
      expect(r.stats.edits).toBeGreaterThan(20);
      expect(r.stats.syncErrors).toBeGreaterThan(0);
    }, 30_000);
  }

  it('the fixed seeds exercise refusals, re-stamps, evictions, crashes, restarts, erasure, compaction, the quota and restores', async () => {
    // One after another: a run replaces Date.now and crypto.randomUUID while it lasts.
    const results: SeedResult[] = [];
    for (const seed of FIXED_SEEDS) results.push(await resultOf(seed));
    const total = (key: keyof SeedResult['stats']) => results.reduce((sum, r) => sum + r.stats[key], 0);
    for (const key of [
      'rejected',
      'restamped',
      'evictions',
      'crashes',
      'restarts',
      'companies',
      'opportunities',
      'stages',
      'erased',
      'compacted',
      'quotaRefusals',
      'restores',
    ] as const) {
      expect(total(key), key).toBeGreaterThan(0);
    }
  }, 90_000);

  it('replays the same run from the same seed', async () => {
    const [x, y] = [await runSeed(7, { ...DEFAULT_SIM, steps: 60 }), await runSeed(7, { ...DEFAULT_SIM, steps: 60 })];
    expect(x.stats).toEqual(y.stats);
  }, 30_000);
});
