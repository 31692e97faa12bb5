import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SettingsArea } from './display-mode';
import { DEFAULT_REMINDERS, loadReminders, readReminders, REMINDERS_KEY, saveReminders } from './reminders';

function memoryArea(initial: Record<string, unknown> = {}): SettingsArea & { items: Record<string, unknown> } {
  const items = { ...initial };
  return {
    items,
    get: async (key) => (key in items ? { [key]: items[key] } : {}),
    set: async (next) => void Object.assign(items, next),
  };
}

describe('reminder settings', () => {
  it('default to a digest at 08:30 and due-time reminders on', async () => {
    expect(await loadReminders(memoryArea())).toEqual({ digest: true, digestAt: 510, dueTimes: true });
  });

  it('keep what is stored and fill each unreadable field with its default', () => {
    expect(readReminders({ digest: false, digestAt: 1439, dueTimes: false })).toEqual({ digest: false, digestAt: 1439, dueTimes: false });
    expect(readReminders({ digest: 'no', digestAt: 1440, dueTimes: false })).toEqual({ ...DEFAULT_REMINDERS, dueTimes: false });
    expect(readReminders({ digestAt: 7.5 }).digestAt).toBe(DEFAULT_REMINDERS.digestAt);
  });

  it('read any stored value at all as whole settings (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ digest: fc.anything(), digestAt: fc.anything(), dueTimes: fc.anything() })), (v) => {
        const r = readReminders(v);
        expect(typeof r.digest).toBe('boolean');
        expect(typeof r.dueTimes).toBe('boolean');
        expect(Number.isInteger(r.digestAt) && r.digestAt >= 0 && r.digestAt < 1440).toBe(true);
      }),
    );
  });

  it('store one change and keep the others; refuse a time that is not one, writing nothing', async () => {
    const area = memoryArea({ [REMINDERS_KEY]: { digest: false } });
    await saveReminders(area, { digestAt: 7 * 60 });
    expect(area.items[REMINDERS_KEY]).toEqual({ digest: false, digestAt: 420, dueTimes: true });
    await expect(saveReminders(area, { digestAt: 24 * 60 })).rejects.toThrow('from 00:00 to 23:59');
    await expect(saveReminders(area, { digestAt: Number.NaN })).rejects.toThrow();
    expect(area.items[REMINDERS_KEY]).toEqual({ digest: false, digestAt: 420, dueTimes: true });
  });
});
