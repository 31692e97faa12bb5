import { describe, expect, it } from 'vitest';
import { remountBudget } from './remount-budget';

describe('remountBudget', () => {
  it('allows `limit` re-mounts in a window, and more once the earlier ones have left it', () => {
    let t = 0;
    const allow = remountBudget(3, 60_000, () => t);
    expect([allow(), allow()]).toEqual([true, true]);
    t = 59_000;
    expect(allow()).toBe(true);
    // The first two were at 0: a minute later they no longer count, the third (at 59 s) still does.
    t = 60_000;
    expect([allow(), allow()]).toEqual([true, true]);
  });

  it('refuses for good once a page has spent the budget, however long it then waits', () => {
    let t = 0;
    const allow = remountBudget(3, 60_000, () => t);
    const answers = Array.from({ length: 4 }, () => allow());
    expect(answers).toEqual([true, true, true, false]);
    t = 10 * 60_000;
    expect(allow()).toBe(false);
  });
});
