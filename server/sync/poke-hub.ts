/**
 * Live pokes (`GET /v1/sync/events`): after a push commits, every open event stream of the team
 * hears the new seq and pulls. The hub is the one place that fans out to this process's streams.
 * Several server processes on one PostgreSQL also hear each other's pokes: the store's relay
 * (store/pg-pokes.ts) forwards what is published here and delivers what the others published.
 */
interface Listener {
  teamId: string;
  poke: (seq: number) => void;
  close: () => void;
}

type Forward = (teamId: string, seq: number) => void;

export class PokeHub {
  private listeners = new Set<Listener>();
  private closed = false;
  private forward: Forward = () => {};

  /** Returns the unsubscribe function. `close` runs when the server shuts down. */
  subscribe(teamId: string, poke: (seq: number) => void, close: () => void): () => void {
    const listener = { teamId, poke, close };
    if (this.closed) close();
    else this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A push in this process committed: poke its streams at once and tell the other processes. */
  publish(teamId: string, seq: number): void {
    this.deliver(teamId, seq);
    this.forward(teamId, seq);
  }

  /** Pokes this process's streams only: for what another process published. */
  deliver(teamId: string, seq: number): void {
    for (const l of this.listeners) if (l.teamId === teamId) l.poke(seq);
  }

  /** Where published pokes go besides this process (one relay per hub). */
  forwardTo(forward: Forward): void {
    this.forward = forward;
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Ends every stream so a graceful shutdown is not held open by idle listeners. */
  close(): void {
    this.closed = true;
    for (const l of this.listeners) l.close();
    this.listeners.clear();
  }
}
