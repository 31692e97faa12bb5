import type { Tag } from '../../src/storage/schema';
import { DAY, dayOf } from '../../src/storage/summaries/summary';
import { addPerson, emptySeed, type PersonSpec, type Seed } from '../support/records';

/**
 * A store shaped like a year of real work, for Home: `people` customers with `notesEach` notes
 * spread over the last year (some complaints, some praise, a birthday now and then) and
 * `tasksEach` tasks due from a month ago to a month ahead, a third of them done.
 */
export function homeSeed(people: number, notesEach: number, tasksEach: number, now = Date.now()): Seed {
  const seed = emptySeed();
  const tags: (Tag | undefined)[] = [
    'complaint',
    undefined,
    'compliment',
    undefined,
    undefined,
    'want',
    undefined,
    undefined,
    'need',
    undefined,
  ];
  for (let i = 0; i < people; i++) {
    // Each customer has their own pace: every few days up to every couple of months.
    const pace = 3 + ((i * 37) % 60);
    const notes: NonNullable<PersonSpec['notes']> = Array.from({ length: notesEach }, (_, j) => ({
      body: `Note ${j} about customer ${i}: called about the order, wants delivery on Tuesdays.`,
      occurredAt: now - (j * pace + (i % 7)) * DAY,
      tag: j === 0 || (i + j) % 13 === 0 ? tags[(i + j) % tags.length] : undefined,
    }));
    const tasks = Array.from({ length: tasksEach }, (_, j) => ({
      title: `Follow up ${j} with customer ${i}`,
      due: dayOf(now + (((i * 7 + j * 11) % 61) - 30) * DAY),
    }));
    addPerson(
      seed,
      {
        name: `Customer ${i}`,
        email: `customer${i}@example.com`,
        company: `Company ${i % 500}`,
        notes,
        facts: [{ key: 'order', value: `${(i % 5) + 1} bags`, pinned: true }],
        tasks,
      },
      now,
    );
  }
  seed.tasks.forEach((t, k) => k % 3 === 0 && (t.done = true));
  return seed;
}
