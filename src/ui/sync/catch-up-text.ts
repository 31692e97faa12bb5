import type { CatchUp } from '../../sync/client/catch-up';
import { formatNumber, t } from '../../i18n';

/** "Catching up with the team: 42,000 of 100,000 records", while a counted catch-up runs. */
export function catchUpText(c: CatchUp | undefined): string | undefined {
  if (!c) return undefined;
  return t('syncMore.catchUp', c.total, [formatNumber(c.done), formatNumber(c.total)]);
}
