import { describe, expect, it } from 'vitest';
import { TAGS } from '../storage/schema';
import { SHORTCUTS, keysLabel, matches, shortcut, tagShortcutId } from './shortcuts';

const key = (over: Partial<KeyboardEvent>) => ({
  key: '',
  code: '',
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...over,
});

describe('the shortcut list', () => {
  it('has one shortcut per tag, and no two shortcuts share keys in the same place', () => {
    for (const tag of TAGS) expect(shortcut(tagShortcutId(tag)).scope).toBe('capture box');
    // Panel-wide keys also fire inside the capture box, so the two places share one key space; Home is a page of its own.
    for (const space of [['panel', 'capture box'], ['home']]) {
      const seen = SHORTCUTS.filter((s) => space.includes(s.scope)).map((s) => keysLabel(s, false));
      expect(new Set(seen).size).toBe(seen.length);
    }
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
  });

  it('matches Alt+letter by physical key (Option+P types π on a Mac) and shows it per platform', () => {
    const pref = shortcut('tag.preference');
    expect(matches(pref, key({ key: 'π', code: 'KeyP', altKey: true }), true)).toBe(true);
    expect(matches(pref, key({ key: 'p', code: 'KeyP' }), false)).toBe(false);
    expect(matches(pref, key({ key: 'P', code: 'KeyP', altKey: true, ctrlKey: true }), false)).toBe(false);
    expect([keysLabel(pref, false), keysLabel(pref, true)]).toEqual(['Alt+P', '⌥P']);
  });

  it('matches "?" by character whatever Shift was needed, and tells Enter from Shift+Enter', () => {
    expect(matches(shortcut('help'), key({ key: '?', code: 'Slash', shiftKey: true }), false)).toBe(true);
    expect(matches(shortcut('capture.save'), key({ key: 'Enter', shiftKey: true }), false)).toBe(false);
    expect(matches(shortcut('capture.newline'), key({ key: 'Enter', shiftKey: true }), false)).toBe(true);
    expect(matches(shortcut('page.add-selection'), key({ key: 'F10', shiftKey: true }), false)).toBe(false);
  });
});
