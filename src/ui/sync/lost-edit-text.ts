import type { FieldValue } from '../../sync/protocol';
import type { LostEdit } from '../../sync/client/lost-edits';
import { parseHlc } from '../../sync/hlc';
import { formatDay } from '../dates';
import { ago } from './status-text';
import { formatNumber, t } from '../../i18n';

/** A record's own text needs no name; any other field is named, so "done: yes" reads as what it is. */
const MAIN_TEXT: Record<string, string> = {
  notes: 'body',
  preferences: 'value',
  tasks: 'title',
  people: 'name',
  companies: 'name',
  opportunities: 'title',
};

/** Fields by the names the panel shows them with; one not listed here is shown as stored. */
const FIELD_NAMES: Record<string, () => string> = {
  done: () => t('lostEdit.field.done'),
  due: () => t('lostEdit.field.due'),
  pinned: () => t('lostEdit.field.pinned'),
  key: () => t('lostEdit.field.key'),
  headline: () => t('lostEdit.field.headline'),
  location: () => t('lostEdit.field.location'),
  company: () => t('lostEdit.field.company'),
  linkedinUrl: () => t('companyPage.linkedin'),
  value: () => t('opportunity.valueField'),
  currency: () => t('opportunity.currencyField'),
  closeAt: () => t('opportunity.closeField'),
  reason: () => t('lostEdit.field.reason'),
  title: () => t('opportunity.titleField'),
  name: () => t('lostEdit.field.name'),
};

/** Timestamps read as days; everything else as text. */
const DAYS = new Set(['due', 'closeAt', 'occurredAt', 'eventAt']);
/** Long notes are quoted by their start: the line stays one line, the whole text is in the record. */
const QUOTE_CHARS = 60;

function quote(value: FieldValue, field: string): string {
  if (value === null || value === '') return t('lostEdit.nothing');
  if (typeof value === 'boolean') return value ? t('lostEdit.yes') : t('lostEdit.no');
  const text =
    typeof value === 'number' ? (DAYS.has(field) ? formatDay(value) : formatNumber(value)) : String(value).replace(/\s+/g, ' ').trim();
  return t('lostEdit.quoted', { text: text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text });
}

/**
 * The notice's sentence: `Your edit “…” was replaced by Bob’s “…” (2 min ago)`. Who wrote it is
 * the teammate's name once the server named them, "your other browser" for the user's own other
 * device, and "a teammate" until then.
 */
export function lostEditText(edit: LostEdit, now: number): string {
  const when = ago(parseHlc(edit.hlc).wall, now);
  const theirs = quote(edit.theirs, edit.field);
  const by = edit.by?.self
    ? t('lostEdit.fromOtherBrowser', { theirs })
    : t('lostEdit.byName', { name: edit.by?.name || t('lostEdit.aTeammate'), theirs });
  const mine = quote(edit.mine, edit.field);
  return MAIN_TEXT[edit.entity] === edit.field
    ? t('lostEdit.replaced', { mine, by, when })
    : t('lostEdit.replacedField', { field: FIELD_NAMES[edit.field]?.() ?? edit.field, mine, by, when });
}
