import { allVisible, attr, firstVisible, insideAny, visibleText, type IsVisible } from '../dom';
import { peopleOfLine, roleFromLabel } from '../field-role';
import { People } from '../people';
import type { Correspondent, PageContext } from '../schema';
import { cleanId, cleanSubject } from '../text';
import { carriersIn, mailboxesOf } from './carriers';
import { ADDRESS_CARRIER, MESSAGE_BODY, NOT_PEOPLE, RECIPIENT_WELL, SELECTED_CONVERSATION, SUBJECT } from './selectors';

export interface PaneRead {
  people: Correspondent[];
  thread?: PageContext['thread'];
}

/**
 * One To/Cc line. Separate wells are labelled by their aria-label or leading text ("Cc: …"); a
 * single well with both fields switches at the "Cc:" text between people.
 */
function addWell(well: Element, people: People, isVisible: IsVisible): void {
  const start = roleFromLabel(attr(well, 'aria-label') ?? visibleText(well));
  for (const [el, role] of peopleOfLine(well, ADDRESS_CARRIER, start)) {
    if (isVisible(el)) for (const mailbox of mailboxesOf(el)) people.add({ ...mailbox, role });
  }
}

/**
 * The conversation open in the reading pane, or undefined when the pane shows no message.
 * Senders come first in document order (OWA's default puts the newest message on top), then the
 * To/Cc recipients. Outlook often shows names without addresses; those people are skipped.
 */
export function readPane(doc: Document, pane: Element, isVisible: IsVisible, self: ReadonlySet<string>): PaneRead | undefined {
  const wells = allVisible(pane, RECIPIENT_WELL, isVisible).filter((w) => !insideAny(w, NOT_PEOPLE, pane));
  const bodies = allVisible(pane, MESSAGE_BODY, isVisible);
  if (wells.length === 0 && bodies.length === 0) return undefined;

  const heading = SUBJECT.flatMap((s) => allVisible(pane, s, isVisible)).find((h) => !insideAny(h, NOT_PEOPLE, pane));
  const people = new People(self);
  for (const el of carriersIn(pane, isVisible)) {
    if (heading?.contains(el) || insideAny(el, RECIPIENT_WELL, pane)) continue;
    for (const mailbox of mailboxesOf(el)) people.add({ ...mailbox, role: 'from' });
  }
  for (const well of wells) addWell(well, people, isVisible);

  const subject = cleanSubject(heading && visibleText(heading));
  const id = cleanId(attr(firstVisible(doc, [SELECTED_CONVERSATION], isVisible), 'data-convid'));
  const thread = { ...(id && { id }), ...(subject && { subject }) };
  return id || subject ? { people: people.list(), thread } : { people: people.list() };
}
