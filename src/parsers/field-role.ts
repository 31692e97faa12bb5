import { inOrder, insideAny, isElement } from './dom';
import type { Role } from './schema';

/**
 * Telling To from Cc. Neither Gmail's header line nor OWA's recipient wells mark Cc with an
 * attribute, only with a label ("cc:", "Cc"). Labels are localised, so this is a hint: most
 * locales keep the header name "Cc"/"Bcc" and a few common translations are listed. When no
 * label is recognised the person is reported as 'to' — a wrong role is harmless, the identity
 * comes from the address.
 */
const CC_WORDS = String.raw`(?:b?cc|抄送|密送|副本|копия|скрытая копия)`;

/** A label that starts with a Cc word: "Cc", "CC:", "Bcc: Ana; Bruno". */
const LABEL_STARTS_CC = new RegExp(String.raw`^\s*${CC_WORDS}(?![\p{L}\p{N}])`, 'iu');

/** Text between recipients that switches to Cc: ", cc: ", " bcc: ". */
const MARKER_CC = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])${CC_WORDS}\s*[:：]`, 'iu');

/** Role for a recipient field whose label (aria-label or leading text) is `label`. */
export function roleFromLabel(label: string | null | undefined): Role {
  return label && LABEL_STARTS_CC.test(label) ? 'cc' : 'to';
}

/** True if the text between recipients switches the rest of the line to Cc. */
export function isCcMarker(text: string): boolean {
  return MARKER_CC.test(text);
}

/**
 * The people of a To/Cc line (it and elements in it matching `person`), in document order, each with its role:
 * `start` until the text between them says Cc ("to A, B, cc: C"; OWA's single well "To: A; Cc: B").
 */
export function* peopleOfLine(line: Element, person: string, start: Role): Generator<[Element, Role]> {
  let role = start;
  for (const node of inOrder(line)) {
    if (isElement(node)) {
      if (node.matches(person)) yield [node, role];
    } else if (!insideAny(node.parentElement ?? line, person, line) && isCcMarker(node.nodeValue ?? '')) {
      role = 'cc';
    }
  }
}
