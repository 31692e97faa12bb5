import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse } from 'dexie';
import { IDBKeyRange } from 'fake-indexeddb';
import { ClydeDB } from '../../src/storage/db';

/** The next release's code: one more schema version than this one, on the same fake IndexedDB. */
export class NextClydeDB extends ClydeDB {
  constructor(name: string, indexedDB: IDBFactory) {
    super(name, { indexedDB, IDBKeyRange });
    this.version(this.verno + 1).stores({ later: 'id' });
  }
}

/**
 * How a full disk reaches a write, as browsers report it: the put itself fails with the DOM's
 * `QuotaExceededError` (Firefox, fake-indexeddb), or the transaction aborts at commit and Dexie
 * hands on an `AbortError` wrapping it (Chrome), or a bulk write reports it per row (`BulkError`).
 */
export type QuotaShape = 'put' | 'commit' | 'bulk';

const quotaError = () => new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');

function errorOf(shape: QuotaShape, req: DBCoreMutateRequest): Error {
  if (shape === 'commit') return new Dexie.AbortError('Transaction aborted', quotaError());
  if (shape === 'bulk') {
    const failures = Object.fromEntries(('values' in req && req.values ? req.values : [0]).map((_, i) => [i, quotaError()]));
    return new Dexie.BulkError('bulkPut(): 1 of 1 operations failed', failures);
  }
  return quotaError();
}

/**
 * A DBCore middleware for tests only: makes writes to a database fail the way a full disk
 * makes them fail, just above IndexedDB (below Clyde's own middlewares, which see it as the
 * browser's error). `fill` fails writes from then on, `free` lets them through again.
 * Reads are untouched, as with a real full disk.
 */
export function injectQuotaFaults(db: Dexie) {
  let shape: QuotaShape | undefined;
  let only: readonly string[] | undefined;
  let refused = 0;
  db.use({
    stack: 'dbcore',
    name: 'test-quota-faults',
    level: 0,
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req): Promise<DBCoreMutateResponse> {
            if (!shape || (only && !only.includes(name))) return table.mutate(req);
            refused++;
            return Promise.reject(errorOf(shape, req));
          },
        };
      },
    }),
  });
  return {
    /** From now on writes fail; to `tables` only when given (a small write may still fit). */
    fill(how: QuotaShape = 'put', tables?: readonly string[]) {
      shape = how;
      only = tables;
    },
    free() {
      shape = undefined;
    },
    /** Writes refused so far: a test can tell its write reached the disk and was refused. */
    refused: () => refused,
    remove() {
      db.unuse({ stack: 'dbcore', name: 'test-quota-faults' });
    },
  };
}
