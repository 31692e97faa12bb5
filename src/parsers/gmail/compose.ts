import { parseMailbox, parseMailboxList } from '../address';
import { allVisible, attr, inputValue, visibleText, type IsVisible } from '../dom';
import { People } from '../people';
import type { Correspondent, PageContext, Role } from '../schema';
import { cleanSubject } from '../text';
import {
  chipsIn,
  COMPOSE_FIELDS,
  COMPOSE_FORM,
  COMPOSE_SUBJECT,
  COMPOSE_WRAPPER,
  OLD_CHIP,
  OLD_CHIP_ADDRESS,
  OLD_CHIP_INPUT,
  oldInputsFor,
} from './selectors';

export interface ComposeRead {
  people: Correspondent[];
  thread?: PageContext['thread'];
}

/**
 * Visible compose forms, the one holding focus first (several popups can be open at once).
 * `div.M9` is the form; when it is missing, the form is found from its subject input.
 */
function composeRoots(doc: Document, isVisible: IsVisible): Element[] {
  let roots = allVisible(doc, COMPOSE_FORM, isVisible);
  if (roots.length === 0) {
    const found = Array.from(doc.querySelectorAll(COMPOSE_SUBJECT), (input) => input.closest(COMPOSE_WRAPPER));
    roots = Array.from(new Set(found)).filter((root): root is Element => root !== null && isVisible(root));
  }
  const focused = doc.activeElement;
  const hasFocus = (root: Element) => Number(focused !== null && root.contains(focused));
  return roots.sort((a, b) => hasFocus(b) - hasFocus(a));
}

/** Which field an old-UI chip belongs to: its hidden input's name, else the nearest named field. */
function oldChipField(chip: Element): string | undefined {
  return attr(chip.querySelector(OLD_CHIP_INPUT), 'name') ?? attr(chip.closest('[name]'), 'name');
}

/** One recipient field of one form: new "peoplekit" chips, old `.vR` chips, then bare hidden inputs. */
function addField(root: Element, field: string, role: Role, people: People, isVisible: IsVisible): void {
  for (const chip of allVisible(root, chipsIn(field), isVisible)) {
    people.add({ email: attr(chip, 'data-hovercard-id'), name: attr(chip, 'data-name') ?? visibleText(chip), role });
  }
  for (const chip of allVisible(root, OLD_CHIP, isVisible)) {
    if (oldChipField(chip) !== field) continue;
    const addressEl = chip.querySelector(OLD_CHIP_ADDRESS);
    const mailbox = parseMailbox(inputValue(chip.querySelector(OLD_CHIP_INPUT)) ?? '');
    const name = attr(addressEl, 'name') ?? mailbox?.name ?? (addressEl ? visibleText(addressEl) : undefined);
    people.add({ email: attr(addressEl, 'email') ?? mailbox?.email, name, role });
  }
  for (const input of allVisible(root, oldInputsFor(field), isVisible)) {
    if (input.closest(OLD_CHIP)) continue;
    for (const mailbox of parseMailboxList(inputValue(input) ?? '')) people.add({ ...mailbox, role });
  }
}

/**
 * Who the user is writing to, or undefined when no compose form is visible. People come To
 * first, then Cc, then Bcc (reported as 'cc'), per form. The subject is the first non-empty one.
 */
export function readCompose(doc: Document, isVisible: IsVisible, self: ReadonlySet<string>): ComposeRead | undefined {
  const roots = composeRoots(doc, isVisible);
  if (roots.length === 0) return undefined;
  const people = new People(self);
  for (const root of roots) {
    for (const { name, role } of COMPOSE_FIELDS) addField(root, name, role, people, isVisible);
  }
  const subject = roots.map((root) => cleanSubject(inputValue(root.querySelector(COMPOSE_SUBJECT)))).find(Boolean);
  return subject ? { people: people.list(), thread: { subject } } : { people: people.list() };
}
