import type { NoteKind, Tag } from './storage/schema';
import { t } from './i18n';

/** Stored values a user reads (a note's kind, its tag), in the browser's language. */
export const noteKindName = (kind: NoteKind): string =>
  ({
    note: t('names.kind.note'),
    email: t('names.kind.email'),
    call: t('names.kind.call'),
    meeting: t('names.kind.meeting'),
    clip: t('names.kind.clip'),
    quote: t('names.kind.quote'),
  })[kind];

export const tagName = (tag: Tag): string =>
  ({
    want: t('names.tag.want'),
    need: t('names.tag.need'),
    preference: t('names.tag.preference'),
    complaint: t('names.tag.complaint'),
    compliment: t('names.tag.compliment'),
    promise: t('names.tag.promise'),
    'life-event': t('names.tag.lifeEvent'),
  })[tag];
