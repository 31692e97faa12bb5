import { formatNumber, t } from '../i18n';

/** Each noun settings count, with its plural in the browser's language. */
const NOUNS = {
  person: (n: number, c: string) => t('count.person', n, [c]),
  address: (n: number, c: string) => t('count.address', n, [c]),
  note: (n: number, c: string) => t('count.note', n, [c]),
  fact: (n: number, c: string) => t('count.fact', n, [c]),
  task: (n: number, c: string) => t('count.task', n, [c]),
  company: (n: number, c: string) => t('count.company', n, [c]),
  stage: (n: number, c: string) => t('count.stage', n, [c]),
  opportunity: (n: number, c: string) => t('count.opportunity', n, [c]),
  record: (n: number, c: string) => t('count.record', n, [c]),
  privateRecord: (n: number, c: string) => t('count.privateRecord', n, [c]),
  contact: (n: number, c: string) => t('count.contact', n, [c]),
};
export type Noun = keyof typeof NOUNS;

/** "1 person", "1,204 people": a number with its noun, for the status lines settings print. */
export const count = (n: number, noun: Noun) => NOUNS[noun](n, formatNumber(n));

/** "a, b and c". */
export const listOf = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : t('count.list', { items: parts.slice(0, -1).join(', '), last: parts.at(-1)! });
