// The demo's customers: one for the panel beside the demo inbox (Bruno), and enough others that
// every section of Home has someone in it, each for a reason the seed makes true today.
import type { PersonalRow } from '../src/storage/summaries/personal';
import { addCompany, addOpportunity, addPerson, emptySeed, type Seed } from '../test/support/records';

const day = 86_400_000;

export function demoPeople(now = Date.now()): { seed: Seed; personal: PersonalRow[] } {
  const seed = emptySeed();
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  const at = (days: number) => now + days * day;
  const mills = addCompany(seed, { name: 'Costa & Filhos Mills' });
  const bakery = addCompany(seed, { name: 'Mendes Bakery', domains: ['example.net'] });
  const cafe = addCompany(seed, { name: 'Souza Café', domains: ['souza-cafe.example'] });
  const bruno = addPerson(seed, {
    name: 'Bruno Costa',
    email: 'bruno.costa@example.org',
    company: 'Costa & Filhos Mills',
    companyId: mills,
    facts: [
      { key: 'order', value: 'grain in two 25 kg bags, never one 50 kg', pinned: true },
      { key: 'calls', value: 'after 4 pm; mornings are at the mill' },
      { key: 'family', value: 'daughter Marta starts university in February' },
    ],
    tasks: [
      { title: 'Send the new price list before the quarterly review', due: at(2) },
      { title: 'Ask how the trip to Porto went', due: at(9) },
    ],
    notes: [
      {
        body: 'The last delivery came in one 50 kg bag. Promised two bags from now on.',
        occurredAt: at(-30),
        kind: 'call',
        tag: 'complaint',
      },
      { body: 'Met at the spring fair. Runs the family mill with his brother.', occurredAt: at(-120), kind: 'meeting' },
    ],
  });
  addPerson(seed, {
    name: 'Ana Lima',
    email: 'ana.lima@example.com',
    company: 'Lima Grains',
    facts: [{ key: 'order', value: 'organic spelt, invoiced monthly', pinned: true }],
    tasks: [{ title: 'Send the spring catalogue', due: midnight }],
    notes: [{ body: 'Email: spring catalogue — asked for the organic range', occurredAt: at(-10), kind: 'email' }],
  });
  const carla = addPerson(seed, {
    name: 'Carla Mendes',
    email: 'carla.mendes@example.net',
    company: 'Mendes Bakery',
    companyId: bakery,
    notes: [{ body: 'Called about the Christmas orders', occurredAt: at(-20), kind: 'call' }],
  });
  addPerson(seed, {
    name: 'Eduardo Pires',
    email: 'eduardo.pires@example.org',
    company: 'Pires Farm Supply',
    notes: [
      ...[40, 70, 100, 130].map((d) => ({ body: 'Monthly visit at the depot', occurredAt: at(-d), kind: 'meeting' as const })),
      { body: 'Birthday on the 11th: turns 50', occurredAt: at(-40), tag: 'life-event', eventAt: new Date(at(5)).setFullYear(1976) },
    ],
  });
  const duda = addPerson(seed, {
    name: 'Maria Eduarda Souza',
    email: 'duda@souza-cafe.example',
    company: 'Souza Café',
    companyId: cafe,
    notes: [
      { body: 'Loved the two-bag delivery; telling the other cafés on the square', occurredAt: at(-12), tag: 'compliment' },
      { body: 'Weekly order by phone', occurredAt: at(-5), kind: 'call' },
      { body: 'Weekly order by phone', occurredAt: at(-35), kind: 'call' },
      { body: 'Weekly order by phone', occurredAt: at(-65), kind: 'call' },
    ],
  });
  addPerson(seed, {
    name: 'Fernanda Rocha',
    email: 'fernanda@rocha-mills.example',
    company: 'Rocha Mills',
    tasks: [{ title: 'Send the revised quote for rye', due: midnight - 3 * day }],
    notes: [{ body: 'Quote for 2 t of rye: wants it revised for delivery in March', occurredAt: at(-8), kind: 'call' }],
  });
  addPerson(seed, {
    name: 'Gabriela Souza',
    email: 'gabi@example.com',
    company: 'Souza & Irmãs',
    notes: [{ body: 'Her daughter’s final exam', occurredAt: at(-6), tag: 'life-event', eventAt: midnight + 3 * day }],
  });
  // Deals: one open beside Bruno's email, one left idle at the bakery (At risk), one won at the café (Best customers).
  addOpportunity(
    seed,
    { title: 'Spring grain contract', companyId: mills, personIds: [bruno], stageId: 'stage-proposal', value: 18000, currency: 'EUR' },
    at(-3),
  );
  addOpportunity(
    seed,
    { title: 'Christmas orders', companyId: bakery, personIds: [carla], stageId: 'stage-negotiation', value: 6400, currency: 'EUR' },
    at(-25),
  );
  addOpportunity(
    seed,
    { title: 'Weekly bread flour', companyId: cafe, personIds: [duda], stageId: 'stage-won', value: 9600, currency: 'EUR' },
    at(-20),
  );
  return {
    seed,
    personal: [
      { personId: carla, rhythmDays: 14 },
      { personId: duda, starred: true },
    ],
  };
}
