import { describe, expect, it } from 'vitest';
import { menuFor } from './context-menu';

describe('the "Add to <person>" menu item', () => {
  it('names the page’s person, hides without one, and cannot be made to show the selection', () => {
    expect(menuFor({ name: 'Bruno Costa', email: 'bruno@example.org', role: 'from' })).toEqual({ title: 'Add to Bruno Costa', visible: true });
    expect(menuFor({ email: 'bruno@example.org', role: 'from' })).toEqual({ title: 'Add to bruno@example.org', visible: true });
    expect(menuFor(undefined)).toEqual({ title: 'Add to person', visible: false });
    expect(menuFor({ name: '100%s sure', handle: 'x', role: 'profile' }).title).toBe('Add to 100%%s sure');
    expect(menuFor({ name: 'N'.repeat(300), handle: 'x', role: 'profile' }).title).toBe(`Add to ${'N'.repeat(59)}…`);
  });
});
