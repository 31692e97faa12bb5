import { canonicalAddress } from '../address';
import { allVisible, allVisibleOfFirst, attr, firstVisible, visibleText, type IsVisible } from '../dom';
import { peopleOfLine } from '../field-role';
import { People } from '../people';
import type { Correspondent, PageContext, Role } from '../schema';
import { cleanId, cleanSubject } from '../text';
import { httpsUrl } from '../url';
import { AVATAR_HOSTS, MESSAGE, RECIPIENT, RECIPIENT_LINE, SENDER, SENDER_AVATAR, SUBJECT, THREAD_ID } from './selectors';

export interface ThreadRead {
  people: Correspondent[];
  thread?: PageContext['thread'];
}

/** The message's sender, falling back to the avatar's `jid` when the sender span is missing. */
function addSender(message: Element, people: People, isVisible: IsVisible, base: URL): void {
  const span = firstVisible(message, SENDER, isVisible);
  const avatar = firstVisible(message, SENDER_AVATAR, isVisible);
  const avatarEmail = attr(avatar, 'jid') ?? attr(avatar, 'data-hovercard-id');
  const email = attr(span, 'email') ?? avatarEmail;
  const avatarIsSender = avatarEmail !== undefined && canonicalAddress(avatarEmail) === canonicalAddress(email);
  people.add({
    email,
    name: span ? (attr(span, 'name') ?? visibleText(span)) : undefined,
    role: 'from',
    avatarUrl: avatarIsSender ? httpsUrl(attr(avatar, 'src'), base, AVATAR_HOSTS) : undefined,
  });
}

function addRecipient(span: Element, role: Role, people: People): void {
  people.add({ email: attr(span, 'email'), name: attr(span, 'name') ?? visibleText(span), role });
}

/**
 * Recipients of an expanded message, from its "to A, B, cc: C" line. No attribute marks Cc, so
 * the text between the spans decides (see field-role.ts); everyone before a Cc marker is 'to'.
 */
function addRecipients(message: Element, people: People, isVisible: IsVisible): void {
  const lines = allVisible(message, RECIPIENT_LINE, isVisible);
  if (lines.length === 0) {
    for (const span of allVisible(message, RECIPIENT, isVisible)) addRecipient(span, 'to', people);
    return;
  }
  for (const line of lines) {
    for (const [span, role] of peopleOfLine(line, '[email]', 'to')) if (isVisible(span)) addRecipient(span, role, people);
  }
}

function threadId(doc: Document, isVisible: IsVisible): string | undefined {
  for (const [selector, name] of THREAD_ID) {
    const el = firstVisible(doc, [selector], isVisible);
    const id = cleanId(attr(el, name));
    if (id) return id;
  }
  return undefined;
}

/**
 * The open conversation, or undefined when none is visible. Gmail keeps earlier views in the
 * DOM under `display:none`, so only visible subjects and messages count. People: every sender,
 * latest message first, then recipients, latest message first (collapsed messages show only
 * their sender).
 */
export function readThread(doc: Document, isVisible: IsVisible, self: ReadonlySet<string>, base: URL): ThreadRead | undefined {
  const heading = firstVisible(doc, SUBJECT, isVisible);
  const messages = allVisibleOfFirst(doc, MESSAGE, isVisible);
  if (!heading && messages.length === 0) return undefined;
  const people = new People(self);
  const latestFirst = messages.reverse();
  for (const message of latestFirst) addSender(message, people, isVisible, base);
  for (const message of latestFirst) addRecipients(message, people, isVisible);
  const subject = cleanSubject(heading && visibleText(heading));
  const id = threadId(doc, isVisible);
  const thread = { ...(id && { id }), ...(subject && { subject }) };
  return id || subject ? { people: people.list(), thread } : { people: people.list() };
}
