import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../src/sync/protocol';

/**
 * An error a client is meant to see: a status and a `{code, message}` body. Anything else that
 * is thrown becomes a bare 500 with no stack or SQL in it (see app.ts).
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly extra: Pick<ErrorBody, 'expectedClientSeq'> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export const notFound = (what = 'Not found.') => new ApiError(404, 'NOT_FOUND', what);
export const unauthorized = () => new ApiError(401, 'UNAUTHORIZED', 'Missing, unknown or revoked token.');

/**
 * The database said its disk is full: SQLite's SQLITE_FULL (also its size limit, `max_page_count`)
 * or PostgreSQL's 53100 disk_full. Nothing was written (the transaction was rolled back), so the
 * client may send the same ops again once there is room.
 */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === '53100';
}

/** 507 Insufficient Storage: the client keeps its changes and retries later (src/sync/client/backoff.ts). */
export const storageFull = () =>
  new ApiError(
    507,
    'STORAGE_FULL',
    'The team server is out of disk space. Your changes are kept on this device and sync will try again later; tell whoever runs the server.',
  );
