import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors';

/**
 * Reads a JSON request body: `application/json` only (415), parse errors and schema failures
 * are 400 with the paths at fault but never the values. The 1 MB cap is app-wide (app.ts).
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send application/json.');
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'BAD_JSON', 'The body is not valid JSON.');
  }
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw badRequest(result.error.issues);
  return result.data;
}

export function badRequest(issues: readonly { path: PropertyKey[]; message: string }[]): ApiError {
  const detail = issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`)
    .join('; ');
  return new ApiError(400, 'BAD_REQUEST', `Invalid request: ${detail}`);
}

/** A body or query string that is a schema-checked object or nothing. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
