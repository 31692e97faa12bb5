import { PokeSchema, SCHEMA_VERSION } from '../../src/sync/protocol';

/** Reads `poke` events off a server-sent event stream. */
export function pokes(res: Response) {
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (!reader) throw new Error('no body');
  let buffer = '';
  return {
    async next(): Promise<number | 'closed'> {
      for (;;) {
        const match = /event: poke\ndata: (.*)\n/.exec(buffer);
        if (match) {
          buffer = buffer.slice((match.index ?? 0) + match[0].length);
          return PokeSchema.parse(JSON.parse(match[1] ?? '')).seq;
        }
        const { value, done } = await reader.read();
        if (done) return 'closed';
        buffer += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

export const EVENTS_PATH = `/v1/sync/events?schemaVersion=${SCHEMA_VERSION}`;

/** Rejects, naming what was awaited, when `promise` takes longer than `ms`. */
export async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` until it holds (for states with no event to await). */
export async function eventually(ms: number, what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
