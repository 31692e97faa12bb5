import { randomBytes } from 'node:crypto';
import { formatHlc, parseHlc, receive, tick, type Hlc, type HlcState } from '../../src/sync/hlc';

/**
 * How far ahead of the server a client stamp may be before the server re-stamps the op. A stamp
 * ahead of real time beats every real edit made before real time catches up with it, so this
 * bounds how long a fast (or forged) clock can win: 5 s (issue #15), enough for NTP-synced
 * devices and a slow request, too little to vandalise with.
 */
const MAX_DRIFT_MS = 5_000;

/**
 * The server's hybrid logical clock (research/sync.md §4.3). It observes every accepted client
 * stamp so its own stamps (re-stamped ops, `serverHlc` in responses) order after them. Each
 * process has its own node id, so two servers on one PostgreSQL never issue equal stamps.
 */
export class ServerClock {
  private state: HlcState;

  constructor(
    readonly now: () => number = Date.now,
    node = `srv-${randomBytes(6).toString('base64url')}`,
  ) {
    this.state = { wall: 0, counter: 0, node };
  }

  stamp(): Hlc {
    this.state = tick(this.state, this.now());
    return formatHlc(this.state);
  }

  /** True when the stamp is within drift and was merged into the clock; false if it must be re-stamped. */
  accept(remote: Hlc): boolean {
    if (parseHlc(remote).wall > this.now() + MAX_DRIFT_MS) return false;
    this.state = receive(this.state, remote, this.now());
    return true;
  }
}
