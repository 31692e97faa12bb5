import type { FieldValue } from '../../sync/protocol';
import type { LostEdit } from '../../sync/client/lost-edits';
import { parseHlc } from '../../sync/hlc';
import { ago } from './status-text';
import { t } from '../../i18n';

/** A record's own text needs no name; any other field is named, so "done: yes" reads as what it is. */
const MAIN_TEXT = new Set(['body', 'title', 'value', 'name']);
/** Long notes are quoted by their start: the line stays one line, the whole text is in the record. */
const QUOTE_CHARS = 60;

function quote(value: FieldValue): string {
  if (value === null || value === '') return t('lostEdit.nothing');
  if (typeof value === 'boolean') return value ? t('lostEdit.yes') : t('lostEdit.no');
  const text = String(value).replace(/\s+/g, ' ').trim();
  return t('lostEdit.quoted', { text: text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text });
}

/**
 * The notice's sentence: `Your edit “…” was replaced by Bob’s “…” (2 min ago)`. Who wrote it is
 * the teammate's name once the server named them, "your other browser" for the user's own other
 * device, and "a teammate" until then.
 */
export function lostEditText(edit: LostEdit, now: number): string {
  const when = ago(parseHlc(edit.hlc).wall, now);
  const theirs = quote(edit.theirs);
  const by = edit.by?.self
    ? t('lostEdit.fromOtherBrowser', { theirs })
    : t('lostEdit.byName', { name: edit.by?.name || t('lostEdit.aTeammate'), theirs });
  const mine = quote(edit.mine);
  return MAIN_TEXT.has(edit.field)
    ? t('lostEdit.replaced', { mine, by, when })
    : t('lostEdit.replacedField', { field: edit.field, mine, by, when });
}
