import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, tick, type HlcState } from './hlc';

const MAX_COUNTER = 36 ** 4 - 1;
const wall = fc.integer({ min: 1_600_000_000_000, max: 2_000_000_000_000 });
const node = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const state = fc.record({ wall, counter: fc.integer({ min: 0, max: MAX_COUNTER }), node });

/** What a device's clock lives through: local edits and pulls, while its wall clock jumps around. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('tick' as const), drift: fc.integer({ min: -3_600_000, max: 3_600_000 }) }),
  fc.record({ kind: fc.constant('receive' as const), drift: fc.integer({ min: -3_600_000, max: 3_600_000 }), remote: state }),
  // Sticky wall clock: many events in one millisecond, counters near overflow.
  fc.record({ kind: fc.constant('tick' as const), drift: fc.constant(0) }),
);

describe('hybrid logical clock', () => {
  it('formats fixed-width stamps whose string order is clock order', () => {
    fc.assert(
      fc.property(state, state, (a, b) => {
        expect(parseHlc(formatHlc(a))).toEqual(a);
        const byFields = a.wall - b.wall || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
        const byString = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(Math.sign(byString)).toBe(Math.sign(byFields));
      }),
    );
  });

  it('issues strictly increasing stamps, after everything received, whatever the wall clock does', () => {
    fc.assert(
      fc.property(state, wall, fc.array(step, { maxLength: 200 }), (start, t0, steps) => {
        let s: HlcState = start;
        let now = t0;
        let last = formatHlc(s);
        for (const st of steps) {
          now = Math.max(0, now + st.drift);
          if (st.kind === 'tick') {
            s = tick(s, now);
          } else {
            const remote = formatHlc(st.remote);
            s = receive(s, remote, now);
            expect(formatHlc({ ...s, node: st.remote.node }) > remote || s.wall > st.remote.wall).toBe(true);
          }
          const stamp = formatHlc(s);
          expect(stamp > last).toBe(true);
          expect(s.node).toBe(start.node);
          expect(s.wall).toBeGreaterThanOrEqual(now);
          last = stamp;
        }
      }),
    );
  });

  it('rejects strings that are not stamps', () => {
    for (const bad of ['', 'abc', '..', 'zz.zz.', `${'0'.repeat(9)}.0000`]) expect(() => parseHlc(bad)).toThrow();
  });
});
