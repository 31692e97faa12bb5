import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAGS, type Note, type Person, type Task } from '../schema';
import { foldNote, foldTask } from './fold';
import { summarize, type Summary } from './summary';

const DAY = 86_400_000;
const T0 = new Date(2026, 10, 1).getTime();
const person = { id: 'p', deleted: false } as Person;
const envelope = (id: string) => ({ id, personId: 'p', ownerId: 'me', deleted: false, updatedAt: 0, rowSeq: 0, clocks: {} });

type Gen<A> = A extends fc.Arbitrary<infer T> ? T : never;

// New rows have new ids; the first letter orders them. Few days and few letters, so notes share a day and tasks a due day and tie on it: the order's edge cases.
const note = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
  days: fc.integer({ min: -40, max: 5 }),
  tag: fc.option(fc.constantFrom(...TAGS), { nil: undefined }),
  team: fc.boolean(),
  deleted: fc.boolean(),
});
const task = fc.record({
  id: fc.constantFrom('s', 't', 'u', 'v'),
  due: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
  done: fc.boolean(),
  deleted: fc.boolean(),
});
const asNote = (n: Gen<typeof note>, i: number): Note =>
  ({
    ...envelope(`${n.id}${i}`),
    deleted: n.deleted,
    kind: 'note',
    tag: n.tag,
    body: n.tag === 'life-event' ? 'birthday' : `note ${i}`,
    occurredAt: T0 + n.days * DAY + i,
    eventAt: n.tag === 'life-event' ? T0 + (n.days + 10) * DAY : undefined,
    scope: n.team ? 'team' : 'private',
  }) as Note;
const asTask = (t: Gen<typeof task>, i: number): Task =>
  ({
    ...envelope(`${t.id}${i}`),
    deleted: t.deleted,
    title: `task ${i}`,
    due: t.due === undefined ? undefined : T0 + t.due * DAY,
    done: t.done,
  }) as Task;

describe('folding a new record into a summary', () => {
  it('gives the summary computed from scratch, or declines (property)', () => {
    fc.assert(
      fc.property(
        fc.array(note, { maxLength: 12 }),
        fc.array(task, { maxLength: 6 }),
        fc.option(fc.integer({ min: -40, max: 5 }), { nil: undefined }),
        (ns, ts, opened) => {
          const notes = ns.map(asNote);
          const tasks = ts.map(asTask);
          const personal = { personId: 'p', openedAt: opened === undefined ? undefined : T0 + opened * DAY, rhythmDays: 7 };
          let kept: Summary = summarize(person, [], [], personal)!;
          // Added one after another, as captures are: folded where it can, else from scratch.
          for (let i = 0; i < notes.length; i++) {
            const scratch = summarize(person, notes.slice(0, i + 1), [], personal);
            const folded = foldNote(kept, notes[i]!);
            if (folded) expect(folded).toEqual(scratch);
            kept = folded ?? scratch!;
          }
          for (let i = 0; i < tasks.length; i++) {
            expect(foldTask(kept, tasks[i]!)).toEqual(summarize(person, notes, tasks.slice(0, i + 1), personal));
            kept = foldTask(kept, tasks[i]!);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('folds the common capture: a note later than anything counted', () => {
    const kept = summarize(person, [asNote({ id: 'a', days: -3, tag: undefined, team: false, deleted: false }, 0)], [], undefined)!;
    const complaint = asNote({ id: 'b', days: 0, tag: 'complaint', team: true, deleted: false }, 1);
    expect(foldNote(kept, complaint)?.complaint?.noteId).toBe(complaint.id);
    // An older note could be anywhere in the order: recomputed instead.
    expect(foldNote(kept, asNote({ id: 'c', days: -5, tag: undefined, team: false, deleted: false }, 2))).toBeUndefined();
  });
});
