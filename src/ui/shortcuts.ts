import { useEffect, useRef } from 'react';
import type { Tag } from '../storage/schema';
import { t } from '../i18n';
import { tagName } from '../names';

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
export const tagShortcutId = (tag: Tag) => `tag.${tag}`;

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'capture.focus', label: t('shortcuts.captureFocus'), keys: { key: 'c' }, scope: 'panel' },
  {
    id: 'email.log',
    label: t('shortcuts.emailLog'),
    keys: { code: 'KeyL', alt: true },
    scope: 'panel',
  },
  { id: 'help', label: t('shortcuts.help'), keys: { key: '?' }, scope: 'panel' },
  {
    id: 'search.open',
    label: t('shortcuts.searchOpen'),
    keys: { code: 'KeyK', mod: true },
    scope: 'panel',
  },
  { id: 'search.keys', label: t('shortcuts.searchKeys'), keys: { text: t('shortcuts.searchKeysKeys') }, scope: 'panel' },
  { id: 'capture.save', label: t('shortcuts.captureSave'), keys: { key: 'Enter' }, scope: 'capture box' },
  { id: 'capture.newline', label: t('shortcuts.captureNewline'), keys: { key: 'Enter', shift: true }, scope: 'capture box' },
  ...(Object.keys(TAG_LETTERS) as Tag[]).map((tag) => ({
    id: tagShortcutId(tag),
    label: t('shortcuts.tag', { tag: tagName(tag) }),
    keys: { code: `Key${TAG_LETTERS[tag]}`, alt: true },
    scope: 'capture box' as const,
  })),
  { id: 'capture.clear-tag', label: t('shortcuts.clearTag'), keys: { key: 'Escape' }, scope: 'capture box' },
  {
    id: 'home.open',
    label: t('shortcuts.homeOpen'),
    keys: { text: 'Alt+Shift+H' },
    scope: 'page',
  },
  {
    id: 'page.add-selection',
    label: t('shortcuts.addSelection'),
    keys: { text: t('shortcuts.addSelectionKeys') },
    scope: 'page',
  },
  // Home is a page of its own, with its own keys: plain letters, since nothing there is typed into
  // until an item asks "how?".
  { id: 'home.next', label: t('shortcuts.homeNext'), keys: { key: 'j' }, scope: 'home' },
  { id: 'home.previous', label: t('shortcuts.homePrevious'), keys: { key: 'k' }, scope: 'home' },
  { id: 'home.person', label: t('shortcuts.homePerson'), keys: { key: 'Enter' }, scope: 'home' },
  { id: 'home.done', label: t('shortcuts.homeDone'), keys: { key: 'x' }, scope: 'home' },
  {
    id: 'home.resolve',
    label: t('shortcuts.homeResolve'),
    keys: { key: 'r' },
    scope: 'home',
  },
  { id: 'home.star', label: t('shortcuts.homeStar'), keys: { key: 's' }, scope: 'home' },
  { id: 'home.back', label: t('shortcuts.homeBack'), keys: { key: 'Escape' }, scope: 'home' },
  {
    id: 'board.drag',
    label: t('shortcuts.boardDrag'),
    keys: { text: t('shortcuts.boardDragKeys') },
    scope: 'home',
  },
  // Brackets, not arrows: arrows scroll the page, and during a drag they move the picked-up deal.
  { id: 'board.left', label: t('shortcuts.boardLeft'), keys: { key: '[' }, scope: 'home' },
  { id: 'board.right', label: t('shortcuts.boardRight'), keys: { key: ']' }, scope: 'home' },
  { id: 'home.help', label: t('shortcuts.homeHelp'), keys: { key: '?' }, scope: 'home' },
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
