import { PullResponseSchema } from '../../../src/sync/protocol';
import type { Fetch } from '../../../src/sync/client/api';
import type { Prng } from './prng';

/** Per-request fault odds (research/sync.md §6.2); the rest are delivered normally. */
export interface FaultRates {
  dropRequest: number;
  dropResponse: number;
  duplicate: number;
  hold: number;
  truncate: number;
  crash: number;
}

const DEFAULT_FAULTS: FaultRates = { dropRequest: 0.05, dropResponse: 0.05, duplicate: 0.05, hold: 0.07, truncate: 0.02, crash: 0.02 };
const NO_FAULTS: FaultRates = { dropRequest: 0, dropResponse: 0, duplicate: 0, hold: 0, truncate: 0, crash: 0 };

/** Thrown into the client when the simulated device dies during a request. */
class SimCrash extends Error {
  constructor() {
    super('simulated crash');
  }
}

interface Held {
  url: string;
  init: RequestInit;
  userId: string;
}

/**
 * The network between simulated clients and the server. Each client's `fetch` goes through
 * `fetchFor`, which may drop the request, lose the answer after the server committed, send it
 * twice, hold it for later delivery (a reorder: the client already gave up on it), truncate
 * the answer, or crash the client. Every pull answer any client could receive is checked for
 * rows private to someone else (invariant I4), whether or not the client gets to read it.
 */
export class SimNet {
  faults: FaultRates = DEFAULT_FAULTS;
  leaks: string[] = [];
  private held: Held[] = [];
  private partitioned = new Map<string, number>();

  constructor(
    private readonly rng: Prng,
    private readonly server: () => Fetch,
  ) {}

  fetchFor(client: { name: string; userId: () => string | undefined; crash: () => void }): Fetch {
    return async (url, init) => {
      const userId = client.userId() ?? '';
      const deliver = () => this.deliver(url, init, userId);
      if ((this.partitioned.get(client.name) ?? 0) > 0) throw new TypeError('network partitioned');
      const f = this.faults;
      let r = this.rng.next();
      if ((r -= f.dropRequest) < 0) throw new TypeError('request lost');
      if ((r -= f.dropResponse) < 0) {
        await deliver();
        throw new TypeError('response lost');
      }
      if ((r -= f.duplicate) < 0) {
        await deliver();
        return deliver();
      }
      if ((r -= f.hold) < 0) {
        // Its timeout belongs to the request the client gave up on, not to the late delivery.
        this.held.push({ url, init: { ...init, signal: null }, userId });
        throw new DOMException('held in the network', 'TimeoutError');
      }
      if ((r -= f.truncate) < 0) {
        const res = await deliver();
        const text = await res.text();
        return new Response(text.slice(0, this.rng.int(0, text.length)), { status: res.status, headers: res.headers });
      }
      if (r - f.crash < 0) {
        if (this.rng.chance(0.5)) await deliver();
        client.crash();
        throw new SimCrash();
      }
      return deliver();
    };
  }

  /** Delivers one held request late; its answer reaches nobody but is still privacy-checked. */
  async deliverHeld(): Promise<void> {
    const i = this.rng.int(0, this.held.length - 1);
    const [h] = this.held.splice(i, 1);
    if (h) await (await this.deliver(h.url, h.init, h.userId)).text();
  }

  async flushHeld(): Promise<void> {
    while (this.held.length) await this.deliverHeld();
  }

  partition(name: string, steps: number) {
    this.partitioned.set(name, steps);
  }

  /** One simulated step passes for partitions. */
  tick() {
    for (const [name, left] of this.partitioned) this.partitioned.set(name, Math.max(0, left - 1));
  }

  heal() {
    this.partitioned.clear();
    this.faults = NO_FAULTS;
  }

  private async deliver(url: string, init: RequestInit, userId: string): Promise<Response> {
    const res = await this.server()(url, init);
    if (res.ok && new URL(url).pathname === '/v1/sync/pull') {
      const text = await res.clone().text();
      const page = PullResponseSchema.parse(JSON.parse(text));
      for (const row of page.rows) {
        if (row.scope !== 'team' && row.scope !== `user:${userId}`)
          this.leaks.push(`${row.entity}/${row.id} (${row.scope}) sent to ${userId}`);
      }
    }
    return res;
  }
}
