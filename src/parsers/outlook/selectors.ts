/**
 * Outlook on the web selectors (research/parsers.md §4). Lists are tried in order, newest layout
 * first, and each entry says which layout it covers. OWA's class names are CSS-module hashes
 * (`OZZZK`, `aVla3`) that change on redeploys, so nothing here depends on them: ids, `data-*`,
 * roles and attributes that carry addresses only.
 */

/** The reading pane, which shows the open conversation (or an inline reply / new message). */
export const READING_PANE = [
  '#ReadingPaneContainerId', // 2019–2025 OWA (Mailvelope, several extensions)
  '[data-app-section="ConversationContainer"]', // 2023–2025
  'div[role=main][data-app-section="MailReadCompose"]', // 2023–2025
  'div[role=main]', // any layout: the main landmark; the mail list inside it is skipped (NOT_PEOPLE)
];

/**
 * Parts of the pane whose addresses are not the conversation's people: message bodies (quoted
 * mail, signatures), the mail list when the pane falls back to the main landmark, editors.
 */
export const NOT_PEOPLE = [
  '[id^="UniqueMessageBody_"]', // 2016–2025 message body (the id prefix survived several rewrites)
  '[role=document]', // message body landmark
  '[id^="editorParent_"]', // 2019–2025 compose body editor
  '#MailList', // 2019–2025 message list
  '[role=option][data-convid]', // 2019–2025 message list rows
].join(',');

/** A message body: its presence means a conversation is open, not just the empty pane. */
export const MESSAGE_BODY = '[id^="UniqueMessageBody_"], [role=document]';

/**
 * Elements that may carry an address: persona `title`, `aria-label="From: Name <addr>"`, mailto
 * links; and a persona (it opens the Live Persona Card on hover) whose text is `Name<addr>`, as
 * Outlook.com's 2025 reading pane writes the sender: `<span aria-label="From: Outlook Team"
 * data-lpc-hover-target-id=…>Outlook Team<no-reply@microsoft.com></span>`, the address in no attribute.
 */
export const ADDRESS_CARRIER = '[title*="@"], [aria-label*="@"], a[href^="mailto:"], a[href^="MAILTO:"], [data-lpc-hover-target-id]'; // persona: 2024–2025 live.com

/** The To / Cc line of a read message; its text ("To: …", "Cc: …") or aria-label names the field. */
export const RECIPIENT_WELL = '[data-testid="RecipientWell"], [role=edit][aria-readonly="true"]'; // 2023–2025; 2025 live.com: `aria-label="To: Ana Lima"` around personas

/**
 * The date line of a read message, in the mailbox's locale ("Tue 11/18/2025 10:02 AM"), as `title`
 * and text. Read only when the user logs an email (src/parsers/sent-at.ts).
 */
export const SENT_AT = [
  '[data-testid="SentReceivedSavedTime"]', // 2023–2025
];

/** The conversation's subject heading. */
export const SUBJECT = [
  '[role=heading][aria-level="2"]', // 2023–2025 conversation header
  '[role=heading]', // any level
];

/** The selected row in the message list carries the conversation id. */
export const SELECTED_CONVERSATION = '[data-convid][aria-selected="true"]'; // 2019–2025 (Mailvelope)

/** A compose body being edited: a new message or a reply in the pane, or a pop-out window. */
export const COMPOSE_BODY = [
  '[id^="editorParent_"] [contenteditable="true"]', // 2019–2025
  '[contenteditable="true"][role=textbox][aria-multiline="true"]', // any layout with an accessible editor
];

/** The signed-in mailbox: `[selector, attributes to read]`; text is read when no attribute is named. */
export const SELF_SOURCES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['[id^="primaryMailboxRoot"]', ['title', 'data-folder-name']], // 2023–2025 folder pane root (Mailvelope)
  ['#mectrl_currentAccount_secondary', []], // 2019–2025 Microsoft account manager: the address as text
  ['#LeftRail [title*="@"]', ['title']], // 2025 live.com app rail: the mailbox's icon titled with its address
];
