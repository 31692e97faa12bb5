import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from './hlc';
import { materialize, mergeOp, type Actor, type MergeInput } from './merge';
import type { RowState } from './protocol';

const A: Actor = { userId: 'alice' };
const B: Actor = { userId: 'bob' };

const hlc = fc
  .record({
    wall: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_020 }),
    counter: fc.nat({ max: 3 }),
    node: fc.constantFrom('n1', 'n2', 'n3'),
  })
  .map(formatHlc);
const value = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null));
/**
 * `deleted` is one value per scenario: a delete erases (erase.ts) and erasure cannot be undone by
 * reordering, so order-independence is promised for ops that delete or undelete, not both.
 */
const setWith = (deleted: boolean) =>
  fc.record(
    {
      name: value,
      company: value,
      deleted: fc.constant(deleted),
      scope: fc.constantFrom('team', 'user:alice', 'user:bob'),
      ownerId: fc.constantFrom('alice', 'bob'),
    },
    { requiredKeys: [] },
  );

interface Authored {
  op: MergeInput;
  actor: Actor;
}

/** Ops on one record with distinct stamps (one stamp is one edit on one device), by A or B. */
const ops = (actors: fc.Arbitrary<Actor>, deleted: fc.Arbitrary<boolean> = fc.boolean()) =>
  deleted.chain((d) =>
    fc.uniqueArray(
      fc
        .record({ hlc, set: setWith(d), actor: actors })
        .map(({ hlc: stamp, set: fields, actor }): Authored => ({ op: { entity: 'people', id: 'p', hlc: stamp, set: fields }, actor })),
      { selector: (a) => a.op.hlc, maxLength: 12 },
    ),
  );

const existing: RowState = {
  entity: 'people',
  id: 'p',
  scope: 'team',
  ownerId: 'alice',
  values: { deleted: false, name: 'P' },
  clocks: {},
  rowSeq: 3,
};

/** A record that exists (owned by A) and ops by anyone; or a new record and ops by its creator only. */
const scenario = fc.oneof(
  ops(fc.constantFrom(A, B)).map((list) => ({ base: existing as RowState | undefined, list })),
  ops(fc.constant(A)).map((list) => ({ base: undefined as RowState | undefined, list })),
);

const fold = (base: RowState | undefined, list: readonly Authored[]) =>
  list.reduce<RowState | undefined>((row, a) => mergeOp(row, a.op, a.actor).row, base);

describe('mergeOp', () => {
  it('is order-independent over any permutation and duplication of the ops', () => {
    fc.assert(
      fc.property(
        scenario.chain(({ base, list }) =>
          fc.record({
            base: fc.constant(base),
            list: fc.constant(list),
            again: fc.shuffledSubarray([...list, ...list], { minLength: list.length }),
          }),
        ),
        ({ base, list, again }) => {
          // `again` is any reordering of the ops, each possibly delivered twice.
          fc.pre(list.every((a) => again.some((b) => b.op.hlc === a.op.hlc)));
          expect(fold(base, again)).toEqual(fold(base, list));
        },
      ),
    );
  });

  it('is commutative for any two ops and idempotent for any op', () => {
    fc.assert(
      fc.property(scenario, ({ base, list }) => {
        const [x, y] = list;
        fc.pre(x !== undefined && y !== undefined);
        expect(fold(base, [x, y])).toEqual(fold(base, [y, x]));
        const once = fold(base, [x]);
        const twice = mergeOp(once, x.op, x.actor);
        expect(twice.changed).toEqual([]);
        expect(twice.row).toEqual(once);
      }),
    );
  });

  it('gives every field the value of its highest-stamped eligible write', () => {
    fc.assert(
      fc.property(scenario, ({ base, list }) => {
        const row = fold(base, list);
        const owner = base?.ownerId ?? A.userId;
        for (const field of ['name', 'company', 'deleted', 'scope'] as const) {
          const writes = list.filter((a) => field in a.op.set && (field !== 'scope' || a.actor.userId === owner));
          const winner = writes.reduce<Authored | undefined>((best, a) => (!best || a.op.hlc > best.op.hlc ? a : best), undefined);
          const got = field === 'scope' ? row?.scope : row?.values[field];
          // A deleted record keeps no content, only its clocks (erase.ts).
          if (row?.values.deleted === true && (field === 'name' || field === 'company')) {
            expect(got).toBeUndefined();
            if (winner) expect(row.clocks[field]! >= winner.op.hlc).toBe(true);
          } else if (winner) expect(got).toEqual(winner.op.set[field]);
          else if (base) expect(got).toEqual(field === 'scope' ? base.scope : base.values[field]);
        }
        expect(row?.ownerId ?? owner).toBe(owner);
      }),
    );
  });

  it('never lets a non-owner change scope or owner', () => {
    const { row, changed } = mergeOp(
      existing,
      {
        entity: 'people',
        id: 'p',
        hlc: formatHlc({ wall: 2e12, counter: 0, node: 'n' }),
        set: { scope: 'user:bob', ownerId: 'bob', name: 'x' },
      },
      B,
    );
    expect(changed).toEqual(['name']);
    expect(row).toMatchObject({ scope: 'team', ownerId: 'alice', values: { name: 'x' } });
  });

  it('creates new records private to their creator unless an op says otherwise', () => {
    const { row } = mergeOp(
      undefined,
      { entity: 'notes', id: 'n', hlc: formatHlc({ wall: 1, counter: 0, node: 'n' }), set: { body: 'hi' } },
      A,
    );
    expect(row).toMatchObject({ scope: 'user:alice', ownerId: 'alice', values: { deleted: false, body: 'hi' }, rowSeq: 0 });
  });
});

describe('erase on delete', () => {
  const at = (wall: number) => formatHlc({ wall, counter: 0, node: 'n' });
  const note: RowState = {
    entity: 'notes',
    id: 'n',
    scope: 'team',
    ownerId: 'alice',
    values: { deleted: false, body: 'the secret', personId: 'p', kind: 'note', occurredAt: 1 },
    clocks: { deleted: at(1), body: at(1), personId: at(1), kind: at(1), occurredAt: at(1) },
    rowSeq: 4,
  };

  it('drops every content field and keeps id, deleted, scope, owner and clocks at least the delete', () => {
    const { row, changed } = mergeOp(note, { entity: 'notes', id: 'n', hlc: at(5), set: { deleted: true } }, A);
    expect(changed).toEqual(['deleted']);
    expect(row).toEqual({
      ...note,
      values: { deleted: true },
      clocks: { deleted: at(5), body: at(5), personId: at(5), kind: at(5), occurredAt: at(5) },
    });
  });

  it('erases an edit that arrives after the delete, whether it was stamped before or after it', () => {
    const deleted = mergeOp(note, { entity: 'notes', id: 'n', hlc: at(5), set: { deleted: true } }, A).row;
    for (const stamp of [at(3), at(9)]) {
      const { row } = mergeOp(deleted, { entity: 'notes', id: 'n', hlc: stamp, set: { body: 'late words' } }, B);
      expect(JSON.stringify(row)).not.toContain('late words');
      expect(row.values).toEqual({ deleted: true });
    }
  });

  it('keeps the content of a record merged into another and of a pipeline stage', () => {
    const merged = mergeOp(note, { entity: 'notes', id: 'n', hlc: at(5), set: { deleted: true, mergedInto: 'x' } }, A).row;
    expect(merged.values.body).toBe('the secret');
    const stage: RowState = { ...note, entity: 'stages', values: { deleted: false, name: 'Won', order: 3, outcome: 'won' } };
    expect(mergeOp(stage, { entity: 'stages', id: 'n', hlc: at(5), set: { deleted: true } }, A).row.values.name).toBe('Won');
  });

  it('shows only what was written after the delete once a record is undeleted', () => {
    const deleted = mergeOp(note, { entity: 'notes', id: 'n', hlc: at(5), set: { deleted: true } }, A).row;
    const back = mergeOp(deleted, { entity: 'notes', id: 'n', hlc: at(7), set: { deleted: false, body: 'new words' } }, A).row;
    const stale = mergeOp(back, { entity: 'notes', id: 'n', hlc: at(4), set: { personId: 'old' } }, A);
    expect(back.values).toEqual({ deleted: false, body: 'new words' });
    expect(stale.changed).toEqual([]);
  });
});

describe('materialize', () => {
  it('equals folding the pending ops over the server row', () => {
    fc.assert(
      fc.property(ops(fc.constant(A)), fc.boolean(), (list, fromServer) => {
        const base = fromServer ? existing : undefined;
        expect(
          materialize(
            base,
            list.map((a) => a.op),
            A,
          ),
        ).toEqual(fold(base, list));
      }),
    );
    expect(materialize(undefined, [], A)).toBeUndefined();
  });
});
