/**
 * Live pokes (`GET /v1/sync/events`): after a push commits, every open event stream of the team
 * hears the new seq and pulls. In-process only; several server processes on one PostgreSQL
 * would need LISTEN/NOTIFY here (clients still catch up through their periodic pull).
 */
interface Listener {
  teamId: string;
  poke: (seq: number) => void;
  close: () => void;
}

export class PokeHub {
  private listeners = new Set<Listener>();
  private closed = false;

  /** Returns the unsubscribe function. `close` runs when the server shuts down. */
  subscribe(teamId: string, poke: (seq: number) => void, close: () => void): () => void {
    const listener = { teamId, poke, close };
    if (this.closed) close();
    else this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(teamId: string, seq: number): void {
    for (const l of this.listeners) if (l.teamId === teamId) l.poke(seq);
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
