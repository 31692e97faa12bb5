// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsArea, SettingsEvents } from '../../settings/display-mode';
import { REMINDERS_KEY } from '../../settings/reminders';
import { fakeSettingsArea } from '../../../test/support/settings-area';
import { testRoot, typeInto } from '../../../test/support/react-root';
import { ReminderSettings } from './ReminderSettings';

let items: Map<string, unknown>;
let area: SettingsArea;
let events: SettingsEvents;

beforeEach(() => {
  ({ items, area, events } = fakeSettingsArea());
});
const dom = testRoot();

const digest = () => dom.container.querySelector<HTMLInputElement>('input[type=checkbox]')!;
const time = () => dom.container.querySelector<HTMLInputElement>('input[aria-label="Digest time"]')!;
const dueTimes = () => dom.container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')[1]!;

describe('ReminderSettings', () => {
  it('shows the defaults, a digest at 08:30 and due-time reminders, and says nothing leaves the device', async () => {
    dom.render(<ReminderSettings area={area} events={events} />);
    await vi.waitFor(() => expect(time()?.value).toBe('08:30'));
    expect(digest().checked).toBe(true);
    expect(dueTimes().checked).toBe(true);
    expect(dom.container.textContent).toMatch(/nothing is sent anywhere/);
  });

  it('stores a new time, and turning the digest off, keeping the other settings', async () => {
    dom.render(<ReminderSettings area={area} events={events} />);
    await vi.waitFor(() => expect(time()?.value).toBe('08:30'));
    typeInto(time(), '07:15');
    await vi.waitFor(() => expect(items.get(REMINDERS_KEY)).toEqual({ digest: true, digestAt: 435, dueTimes: true }));
    digest().click();
    await vi.waitFor(() => expect(items.get(REMINDERS_KEY)).toEqual({ digest: false, digestAt: 435, dueTimes: true }));
    expect(time().disabled).toBe(true);
    dueTimes().click();
    await vi.waitFor(() => expect(items.get(REMINDERS_KEY)).toEqual({ digest: false, digestAt: 435, dueTimes: false }));
  });

  it('ignores a half-typed time and follows a change made in another window', async () => {
    dom.render(<ReminderSettings area={area} events={events} />);
    await vi.waitFor(() => expect(time()?.value).toBe('08:30'));
    typeInto(time(), '');
    dueTimes().click();
    await vi.waitFor(() => expect(items.get(REMINDERS_KEY)).toEqual({ digest: true, digestAt: 510, dueTimes: false }));
    await area.set({ [REMINDERS_KEY]: { digest: true, digestAt: 18 * 60, dueTimes: true } });
    await vi.waitFor(() => expect(time().value).toBe('18:00'));
    expect(dueTimes().checked).toBe(true);
  });

  it('says so when the setting cannot be saved, and shows what is stored', async () => {
    const failing: SettingsArea = { ...area, set: () => Promise.reject(new Error('Storage is not available.')) };
    dom.render(<ReminderSettings area={failing} events={events} />);
    await vi.waitFor(() => expect(digest()?.checked).toBe(true));
    digest().click();
    await vi.waitFor(() => expect(dom.container.querySelector('[role=alert]')?.textContent).toBe('Storage is not available.'));
    expect(digest().checked).toBe(true);
  });
});
