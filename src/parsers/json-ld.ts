/**
 * Reading schema.org JSON-LD (`<script type="application/ld+json">`) and other embedded JSON.
 * The JSON is page data: it may be malformed, huge, or describe someone other than the person
 * on screen (it is written at first load and goes stale after in-app navigation), so callers
 * only accept a record after matching it against the URL.
 */

export type JsonObject = Record<string, unknown>;

/** Longer JSON blocks are skipped: no profile needs them, and parsing is the costly part. */
const MAX_JSON_CHARS = 1_000_000;
/** Blocks read per page, and objects visited per walk: bounds work on hostile pages. */
const MAX_BLOCKS = 50;
const MAX_NODES = 5_000;
const MAX_DEPTH = 8;

export const JSON_LD = 'script[type="application/ld+json" i]';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parsed JSON of the first MAX_BLOCKS matches of `selector`; malformed or oversized blocks are skipped. */
export function jsonBlocks(root: ParentNode, selector: string): unknown[] {
  const out: unknown[] = [];
  for (const el of Array.from(root.querySelectorAll(selector)).slice(0, MAX_BLOCKS)) {
    const raw = el.textContent ?? '';
    if (raw.length > MAX_JSON_CHARS) continue;
    try {
      out.push(JSON.parse(raw));
    } catch {
      // Not JSON (or truncated): nothing to read from this block.
    }
  }
  return out;
}

/**
 * Every object reachable from `roots`, breadth first (so top-level entities come before the
 * ones nested in them), through arrays and properties including `@graph`. Bounded in depth and
 * count; iterative.
 */
export function jsonObjects(roots: readonly unknown[]): JsonObject[] {
  const out: JsonObject[] = [];
  let level: unknown[] = [...roots];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0 && out.length < MAX_NODES; depth += 1) {
    const next: unknown[] = [];
    for (const value of level) {
      if (out.length >= MAX_NODES) break;
      if (Array.isArray(value)) {
        next.push(...value.slice(0, MAX_NODES));
      } else if (isObject(value)) {
        out.push(value);
        for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) next.push(child);
      }
    }
    level = next;
  }
  return out;
}

/** True if the object's `@type` is `type` (also as an array entry, or as a `schema:`/URL form). */
export function hasType(node: JsonObject, type: string): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => typeof t === 'string' && t.replace(/^.*[/:#]/, '') === type);
}

/** A property as text: a string, a number, the first usable entry of an array, or an object's `name`/`@value`. */
export function jsonText(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (depth > 3) return undefined;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 10)) {
      const text = jsonText(item, depth + 1);
      if (text?.trim()) return text;
    }
    return undefined;
  }
  if (isObject(value)) return jsonText(value['name'] ?? value['@value'], depth + 1);
  return undefined;
}

/** A property as a URL string: a string, or an object's `contentUrl`/`url`/`@id` (ImageObject, Organization). */
export function jsonUrl(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') return value;
  if (depth > 3) return undefined;
  if (Array.isArray(value)) return jsonUrl(value[0], depth + 1);
  if (isObject(value)) return jsonUrl(value['contentUrl'] ?? value['url'] ?? value['@id'], depth + 1);
  return undefined;
}
