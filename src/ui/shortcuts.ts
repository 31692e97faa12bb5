import { useEffect, useRef } from 'react';
import type { Tag } from '../storage/schema';

/**
 * Every keyboard shortcut Clyde has, in one list: the help panel and the options page render it,
 * and components bind keys only through it, so what is shown is what works.
 *
 * Letter shortcuts use Alt (Option on a Mac) so they work while typing in the capture box, and
 * match the physical key (`code`), since Option+letter types a symbol on a Mac. Letters the
 * browsers keep for themselves (Alt+D, E, F; Firefox's menu keys) are avoided.
 */
interface Keys {
  /** KeyboardEvent.code (physical key), for letters. */
  code?: string;
  /** KeyboardEvent.key, for keys whose meaning matters more than their place ("?", Enter). */
  key?: string;
  alt?: boolean;
  shift?: boolean;
  /** Ctrl, or Cmd on a Mac. */
  mod?: boolean;
  /** Shown instead of the keys, for shortcuts the browser handles (the context menu). */
  text?: string;
}

export type ShortcutScope = 'panel' | 'capture box' | 'page' | 'home';
export interface Shortcut {
  id: string;
  label: string;
  keys: Keys;
  scope: ShortcutScope;
}

/** The Alt+letter of each one-key tag. */
const TAG_LETTERS: Record<Tag, string> = {
  want: 'W',
  need: 'N',
  preference: 'P',
  complaint: 'C',
  compliment: 'M',
  promise: 'R',
  'life-event': 'V',
};
export const TAG_LABELS: Record<Tag, string> = {
  want: 'want',
  need: 'need',
  preference: 'preference',
  complaint: 'complaint',
  compliment: 'compliment',
  promise: 'promise',
  'life-event': 'life event',
};

export const tagShortcutId = (tag: Tag) => `tag.${tag}`;

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'capture.focus', label: 'Write a note for this person', keys: { key: 'c' }, scope: 'panel' },
  {
    id: 'email.log',
    label: 'Log this email (adds a selection to the entry if it is logged)',
    keys: { code: 'KeyL', alt: true },
    scope: 'panel',
  },
  { id: 'help', label: 'Show or hide these shortcuts', keys: { key: '?' }, scope: 'panel' },
  {
    id: 'search.open',
    label: 'Search people, companies, opportunities, notes, facts and tasks',
    keys: { code: 'KeyK', mod: true },
    scope: 'panel',
  },
  { id: 'search.keys', label: 'In search: move through results, open one, close', keys: { text: '↑ ↓, Enter, Esc' }, scope: 'panel' },
  { id: 'capture.save', label: 'Save', keys: { key: 'Enter' }, scope: 'capture box' },
  { id: 'capture.newline', label: 'New line', keys: { key: 'Enter', shift: true }, scope: 'capture box' },
  ...(Object.keys(TAG_LETTERS) as Tag[]).map((tag) => ({
    id: tagShortcutId(tag),
    label: `Tag as ${TAG_LABELS[tag]} (again to untag)`,
    keys: { code: `Key${TAG_LETTERS[tag]}`, alt: true },
    scope: 'capture box' as const,
  })),
  { id: 'capture.clear-tag', label: 'Remove the tag', keys: { key: 'Escape' }, scope: 'capture box' },
  {
    id: 'home.open',
    label: 'Open Clyde Home (change it in the browser’s extension shortcuts)',
    keys: { text: 'Alt+Shift+H' },
    scope: 'page',
  },
  {
    id: 'page.add-selection',
    label: 'Add the selected text to the current person (context menu)',
    keys: { text: 'Shift+F10 or the Menu key' },
    scope: 'page',
  },
  // Home is a page of its own, with its own keys: plain letters, since nothing there is typed into
  // until an item asks "how?".
  { id: 'home.next', label: 'Next item', keys: { key: 'j' }, scope: 'home' },
  { id: 'home.previous', label: 'Previous item', keys: { key: 'k' }, scope: 'home' },
  { id: 'home.person', label: 'Open the person, at the note or task the item is about', keys: { key: 'Enter' }, scope: 'home' },
  { id: 'home.done', label: 'Today: mark the task done', keys: { key: 'x' }, scope: 'home' },
  {
    id: 'home.resolve',
    label: 'At risk: resolve the reason, saying how; Reach out: note that you reached out',
    keys: { key: 'r' },
    scope: 'home',
  },
  { id: 'home.star', label: 'Best customers: star or unstar', keys: { key: 's' }, scope: 'home' },
  { id: 'home.back', label: 'On a person: back to the list', keys: { key: 'Escape' }, scope: 'home' },
  {
    id: 'board.drag',
    label: 'Pipeline: pick up a deal, move it to the stage left or right, drop it (Escape puts it back)',
    keys: { text: 'Space, ← →, Space' },
    scope: 'home',
  },
  // Brackets, not arrows: arrows scroll the page, and during a drag they move the picked-up deal.
  { id: 'board.left', label: 'Pipeline: move the focused deal one stage left', keys: { key: '[' }, scope: 'home' },
  { id: 'board.right', label: 'Pipeline: move the focused deal one stage right (Won or Lost asks why)', keys: { key: ']' }, scope: 'home' },
  { id: 'home.help', label: 'Show or hide these keys', keys: { key: '?' }, scope: 'home' },
];

export function shortcut(id: string): Shortcut {
  const found = SHORTCUTS.find((s) => s.id === id);
  if (!found) throw new Error(`No shortcut ${id}`);
  return found;
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>;

export function matches(s: Shortcut, e: KeyEventLike, mac = isMac()): boolean {
  const { keys } = s;
  if (keys.text !== undefined) return false;
  if (Boolean(keys.alt) !== e.altKey) return false;
  if (Boolean(keys.mod) !== (mac ? e.metaKey : e.ctrlKey) || (mac ? e.ctrlKey : e.metaKey)) return false;
  // "?" is Shift+/ on most layouts: for a printed character the character is what counts.
  if (keys.key && keys.key.length === 1) return e.key === keys.key;
  if (Boolean(keys.shift) !== e.shiftKey) return false;
  return keys.code ? e.code === keys.code : e.key === keys.key;
}

export function keysLabel({ keys }: Shortcut, mac = isMac()): string {
  if (keys.text !== undefined) return keys.text;
  const parts = [
    keys.mod && (mac ? '⌘' : 'Ctrl'),
    keys.alt && (mac ? '⌥' : 'Alt'),
    keys.shift && (mac ? '⇧' : 'Shift'),
    keys.code?.replace(/^Key/, '') ?? keys.key,
  ];
  return parts.filter(Boolean).join(mac ? '' : '+');
}

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

export const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Runs `handler` when the panel-wide shortcut `id` is pressed anywhere in this document. A
 * shortcut without a modifier is left alone while the user types in a field, where the key
 * means its character.
 */
export function useShortcut(id: string, handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const s = shortcut(id);
    const onKey = (e: KeyboardEvent) => {
      if (!matches(s, e) || (!s.keys.alt && !s.keys.mod && typingIn(e.target))) return;
      e.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [id, enabled]);
}
