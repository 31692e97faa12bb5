import ICAL from 'ical.js';
import { clean, ContactsFileError, type Contact } from './contact';
import { formatNumber, t } from '../../i18n';

/**
 * Contacts from a vCard file (.vcf, versions 2.1, 3.0 and 4.0, one card or many), as Apple Contacts,
 * Google, Outlook and most phones export them. Parsed by ical.js (Mozilla's iCalendar and vCard
 * library): line folding, escapes, structured names and organisations.
 */
/** vCard 2.1 (Outlook) writes bare parameters, `TEL;WORK;VOICE:`, where 3.0 and 4.0 name them: `TYPE=WORK`. */
const namedParams = (text: string) =>
  text.replace(
    /^([^\s:;][^:;]*)((?:;[^:;]*)+):/gm,
    (_, name: string, params: string) => `${name}${params.replace(/;([^=;:]+)(?=;|$)/g, ';TYPE=$1')}:`,
  );

/**
 * vCard 2.1 may write a value as quoted-printable, which Outlook does for any name that is not
 * plain ASCII ("Jo=C3=A3o"), with soft line breaks ("=" at a line's end). 3.0 has no such
 * encoding, so the value is decoded here, in its CHARSET (UTF-8 when none is named).
 */
const QUOTED_PRINTABLE = /^([^\s:;][^:]*;(?:ENCODING=)?QUOTED-PRINTABLE[^:]*):((?:[^\r\n]*=\r?\n)*[^\r\n]*)/gim;
function decodeQuotedPrintable(text: string): string {
  return text.replace(QUOTED_PRINTABLE, (_, head: string, value: string) => {
    const bytes = Uint8Array.from(
      value.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      (c) => c.charCodeAt(0),
    );
    const charset = /;CHARSET=([^;:]+)/i.exec(head)?.[1];
    let decoded: string;
    try {
      decoded = new TextDecoder(charset ?? 'utf-8').decode(bytes);
    } catch {
      decoded = new TextDecoder().decode(bytes);
    }
    return `${head.replace(/;(?:ENCODING=)?QUOTED-PRINTABLE|;CHARSET=[^;:]+/gi, '')}:${decoded.replace(/\r?\n/g, '\\n')}`;
  });
}

export function contactsFromVcard(text: string): Contact[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(namedParams(decodeQuotedPrintable(text.replace(/^\uFEFF/, ''))));
  } catch (e) {
    throw new ContactsFileError(t('importErrors.vcardUnreadable', { reason: e instanceof Error ? e.message : String(e) }));
  }
  // One card parses to a component, several to a list of them.
  const list = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  const cards = list.map((j) => new ICAL.Component(j as [string, unknown[], unknown[]]));
  if (!cards.length || cards.some((c) => c.name !== 'vcard')) throw new ContactsFileError(t('importErrors.vcardNone'));
  return cards.map((card, i) => {
    const texts = (prop: string) => card.getAllProperties(prop).flatMap((p) => p.getValues().flat().map(String));
    const [org] = card.getFirstProperty('org')?.getValues() ?? [];
    const structured = card.getFirstPropertyValue('n') as unknown;
    const fromN = Array.isArray(structured)
      ? [structured[3], structured[1], structured[2], structured[0], structured[4]].flat().filter(Boolean).join(' ')
      : undefined;
    return {
      at: t('importErrors.card', { n: formatNumber(i + 1) }),
      name: clean(String(card.getFirstPropertyValue('fn') ?? '')) ?? clean(fromN),
      emails: texts('email')
        .map((e) => e.trim())
        .filter(Boolean),
      company: clean(Array.isArray(org) ? String(org[0] ?? '') : org === undefined ? undefined : String(org)),
      title: clean(String(card.getFirstPropertyValue('title') ?? '')),
      phones: texts('tel')
        .map((t) => t.replace(/^tel:/i, '').trim())
        .filter(Boolean),
      urls: [...texts('url'), ...texts('x-socialprofile')].map((u) => u.trim()).filter(Boolean),
      note: String(card.getFirstPropertyValue('note') ?? '').trim() || undefined,
    };
  });
}
