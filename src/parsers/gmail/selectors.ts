/**
 * Gmail selectors (research/parsers.md §3). Lists are tried in order, newest layout first, and
 * each entry says which layout it covers. Attributes Gmail emits for its own hovercards (`email`,
 * `name`, `data-hovercard-id`, `data-legacy-*`) come before the obfuscated class names, which
 * are what breaks when Gmail ships new markup.
 */

/** One message of the open conversation, oldest first in document order. */
export const MESSAGE = [
  'div.adn', // 2018–2025: message element (`data-message-id` is missing on just-sent messages)
  'div[data-message-id]', // any layout that keeps the message id attribute
];

/** The sender inside a message; `email` and `name` attributes. */
export const SENDER = [
  'h3.iw span[email]', // 2018–2025: header `h3.iw > span.gD` (2025 nests `span.qu[role=gridcell]` between)
  'span.gD[email]', // 2018–2025: the same span if the h3 wrapper changes
  'td.gF span[email]', // 2016–2018: table header (InboxSDK)
];

/** Sender photo; `jid` holds the sender's address. Fallback when the sender span is missing. */
export const SENDER_AVATAR = [
  'img.ajn[jid]', // 2018–2025
  'img[jid][data-hovercard-id]', // same image without the class
];

/** Hosts Gmail serves profile photos from; other avatar URLs are dropped. */
export const AVATAR_HOSTS = ['googleusercontent.com'];

/**
 * The date beside a message's header. Its `title` is the full date and time in the user's locale
 * ("Tue, Nov 18, 2025, 9:14 AM"); the text may be short ("Nov 18", "10:40 AM"). Read only when
 * the user logs an email (src/parsers/sent-at.ts), never by the content script.
 */
export const SENT_AT = [
  'span.g3[title]', // 2014–2025 (gmail.js `.g3`)
];

/** The "to A, B, cc: C" line of an expanded message; recipients are `span[email]` inside it. */
export const RECIPIENT_LINE = '.hb'; // 2014–2025
/** Recipient spans when the line wrapper is missing. */
export const RECIPIENT = 'span.g2[email]'; // 2014–2025

/** The subject heading of the open conversation. */
export const SUBJECT = [
  'h2[data-thread-perm-id]', // 2019–2025: subject `h2.hP` carrying the thread ids
  'h2[data-legacy-thread-id]', // 2018–2025
  'h2.hP', // 2014–2025: class only
  '.ha h2', // InboxSDK fallback when `hP` is renamed
];

/** Thread ids, `[selector, attribute]`. The hex legacy id matches the Gmail API's thread id. */
export const THREAD_ID: ReadonlyArray<readonly [string, string]> = [
  ['h2[data-legacy-thread-id]', 'data-legacy-thread-id'], // 2018–2025, e.g. `1a05659a2ffafc3d`
  ['[data-thread-perm-id]', 'data-thread-perm-id'], // 2019–2025, e.g. `thread-f:1840959905192440233`
];

/** A compose form: popup, full-screen or inline reply. */
export const COMPOSE_FORM = 'div.M9'; // 2014–2025 (gmail.js, InboxSDK)
/** Stand-ins for the form, found from its subject input, if `div.M9` is renamed. */
export const COMPOSE_WRAPPER = [
  '[role=dialog]', // 2014–2025: popup wrapper `div.nH.Hd[role=dialog]`
  'form', // pre-2014 basic compose
].join(',');
export const COMPOSE_SUBJECT = 'input[name=subjectbox]'; // 2014–2025
/** The compose "From" control: one of the user's own addresses (aliases, delegated mailbox). */
export const COMPOSE_FROM = 'input[name=from]'; // 2014–2025

/** Recipient fields of a compose form, in the order people are reported. */
export const COMPOSE_FIELDS = [
  { name: 'to', role: 'to' },
  { name: 'cc', role: 'cc' },
  { name: 'bcc', role: 'cc' }, // the schema has no 'bcc'; a blind copy is still a copy
] as const;

/** 2021–2025 "peoplekit" chips: `data-hovercard-id` is the address, `data-name` the name. */
export const chipsIn = (field: string): string => `div[name="${field}"] div[role=option][data-hovercard-id]`;
/** 2014–2021 chips: `span[email]` plus a hidden `input[name=to|cc|bcc]` valued `Name <addr>`. */
export const OLD_CHIP = '.vR';
export const OLD_CHIP_ADDRESS = '[email]';
export const OLD_CHIP_INPUT = 'input[type=hidden][name]';
/** 2014–2021: hidden recipient inputs, also outside chips (gmail.js `.GS input[type=hidden]`). */
export const oldInputsFor = (field: string): string => `input[type=hidden][name="${field}"]`;

/** The Google bar's account button; its aria-label ends with "(address)" in every locale. */
export const ACCOUNT_BUTTON = 'a[href^="https://accounts.google.com/SignOutOptions"][aria-label]'; // 2018–2025
