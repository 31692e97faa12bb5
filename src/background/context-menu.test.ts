import { describe, expect, it } from 'vitest';
import { personShown } from '../capture/person-shown';
import { menuFor } from './context-menu';

describe('the "Add to <person>" menu item', () => {
  it('names the page’s person, hides without one, and cannot be made to show the selection', () => {
    expect(menuFor({ name: 'Bruno Costa', email: 'bruno@example.org', role: 'from' })).toEqual({
      title: 'Add to Bruno Costa',
      visible: true,
    });
    expect(menuFor({ email: 'bruno@example.org', role: 'from' })).toEqual({ title: 'Add to bruno@example.org', visible: true });
    expect(menuFor(undefined)).toEqual({ title: 'Add to person', visible: false });
    expect(menuFor({ name: '100%s sure', handle: 'x', role: 'profile' }).title).toBe('Add to 100%%s sure');
    expect(menuFor({ name: 'N'.repeat(300), handle: 'x', role: 'profile' }).title).toBe(`Add to ${'N'.repeat(59)}…`);
  });
});

describe('the person the menu adds to', () => {
  const bruno = { name: 'Bruno Costa', email: 'bruno@example.org', role: 'from' as const };
  const ana = { name: 'Ana Lima', email: 'ana@example.com', role: 'from' as const };
  const x = { name: 'Xavier', handle: 'xavier', role: 'cc' as const };

  it('is the one picked in the panel while on the page, else the first, as the panel shows', () => {
    expect(personShown([bruno, ana, x], new Set(), null)).toBe(bruno);
    expect(personShown([bruno, ana, x], new Set(), 'ana@example.com')).toBe(ana);
    expect(personShown([bruno, ana, x], new Set(), 'xavier')).toBe(x);
    expect(personShown([bruno, x], new Set(), 'ana@example.com')).toBe(bruno);
    expect(personShown([], new Set(), 'ana@example.com')).toBeUndefined();
  });

  it('is never someone on the never-log list, even when picked', () => {
    expect(personShown([bruno, ana], new Set(['bruno@example.org']), null)).toBe(ana);
    expect(personShown([bruno, ana], new Set(['example.com']), 'ana@example.com')).toBe(bruno);
    expect(personShown([bruno], new Set(['bruno@example.org']), null)).toBeUndefined();
  });
});
