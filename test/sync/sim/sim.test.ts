import { describe, expect, it } from 'vitest';
import { runSeed, DEFAULT_SIM, type SeedResult } from './run';

describe('deterministic sync simulation', () => {
  const results: SeedResult[] = [];

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed} converges with nothing lost or leaked`, async () => {
      const r = await runSeed(seed, DEFAULT_SIM);
      results.push(r);
      expect(r.problems).toEqual([]);
      expect(r).toMatchObject({ converged: true, lost: 0, leaked: 0 });
      expect(r.stats.edits).toBeGreaterThan(20);
      expect(r.stats.syncErrors).toBeGreaterThan(0);
    }, 30_000);
  }

  it('the fixed seeds exercise refusals, re-stamps, evictions, crashes and restarts', () => {
    const total = (key: keyof SeedResult['stats']) => results.reduce((sum, r) => sum + r.stats[key], 0);
    expect(results).toHaveLength(3);
    for (const key of ['rejected', 'restamped', 'evictions', 'crashes', 'restarts'] as const) expect(total(key), key).toBeGreaterThan(0);
  });

  it('replays the same run from the same seed', async () => {
    const [x, y] = [await runSeed(7, { ...DEFAULT_SIM, steps: 60 }), await runSeed(7, { ...DEFAULT_SIM, steps: 60 })];
    expect(x.stats).toEqual(y.stats);
  }, 30_000);
});
