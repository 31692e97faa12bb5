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
