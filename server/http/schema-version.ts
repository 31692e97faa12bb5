import type { MiddlewareHandler } from 'hono';
import { MIN_SCHEMA_VERSION, SCHEMA_VERSION } from '../../src/sync/protocol';
import { ApiError } from '../errors';

/**
 * Schema versions (research/sync.md §4.8). A client below the supported window gets 426 and
 * keeps its outbox until the extension updates; a client newer than the server gets 409, since
 * its ops could carry fields this server would reject as unknown.
 */
export function checkSchemaVersion(version: unknown): void {
  if (typeof version !== 'number' || !Number.isInteger(version)) return;
  if (version < MIN_SCHEMA_VERSION) {
    throw new ApiError(426, 'CLIENT_TOO_OLD', `Update Clyde: this server needs schema version ${MIN_SCHEMA_VERSION} or newer.`);
  }
  if (version > SCHEMA_VERSION) {
    throw new ApiError(409, 'SERVER_TOO_OLD', `This server supports schema version ${SCHEMA_VERSION}; ask your admin to update it.`);
  }
}

/** Routes without a version in body or query may send it as a header. */
const SCHEMA_HEADER = 'x-clyde-schema-version';

export const schemaHeader: MiddlewareHandler = async (c, next) => {
  const header = c.req.header(SCHEMA_HEADER);
  if (header !== undefined && /^\d{1,9}$/.test(header)) checkSchemaVersion(Number(header));
  await next();
};
