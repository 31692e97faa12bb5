import type { CatchUp } from '../../sync/client/catch-up';

const count = new Intl.NumberFormat('en-US');

/** "Catching up with the team: 42,000 of 100,000 records", while a counted catch-up runs. */
export function catchUpText(c: CatchUp | undefined): string | undefined {
  if (!c) return undefined;
  return `Catching up with the team: ${count.format(c.done)} of ${count.format(c.total)} record${c.total === 1 ? '' : 's'}`;
}
