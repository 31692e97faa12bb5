import { attr, firstVisible, type IsVisible } from '../dom';
import { roleFromLabel } from '../field-role';
import { People } from '../people';
import type { Correspondent, Role } from '../schema';
import { carriersIn, mailboxesOf } from './carriers';
import { COMPOSE_BODY } from './selectors';

/**
 * The field a compose recipient sits in, from the nearest labelled ancestor ("To", "Cc", "Bcc";
 * localised, see field-role.ts). Labels that hold an address describe a person, not a field.
 */
function fieldRole(el: Element, root: Element): Role {
  for (let node = el.parentElement; node && node !== root; node = node.parentElement) {
    const label = attr(node, 'aria-label');
    if (label && !label.includes('@')) return roleFromLabel(label);
  }
  return 'to';
}

/**
 * Who a message being written in `root` is addressed to, or undefined when nothing is being
 * written. Recipients are the personas with an address in `title`/`aria-label` (OWA shows only
 * names until a persona resolves; those are skipped). The user's own "From" is excluded as self.
 * The subject is not read: OWA's subject input has no stable attribute outside its localised label.
 */
export function readCompose(root: Element, isVisible: IsVisible, self: ReadonlySet<string>): Correspondent[] | undefined {
  if (!firstVisible(root, COMPOSE_BODY, isVisible)) return undefined;
  const people = new People(self);
  const byRole: Record<'to' | 'cc', Element[]> = { to: [], cc: [] };
  for (const el of carriersIn(root, isVisible)) byRole[fieldRole(el, root) === 'cc' ? 'cc' : 'to'].push(el);
  for (const role of ['to', 'cc'] as const) {
    for (const el of byRole[role]) for (const mailbox of mailboxesOf(el)) people.add({ ...mailbox, role });
  }
  return people.list();
}
