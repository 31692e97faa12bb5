// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DISPLAY_MODE_KEY, type SettingsArea, type SettingsEvents } from '../../settings/display-mode';
import { DisplayModeSettings } from './DisplayModeSettings';
import { fakeSettingsArea } from '../../../test/support/settings-area';
import { testRoot } from '../../../test/support/react-root';

let items: Map<string, unknown>;
let area: SettingsArea;
let events: SettingsEvents;

beforeEach(() => {
  ({ items, area, events } = fakeSettingsArea());
});
const dom = testRoot();

const radio = (site: string, mode: string) =>
  dom.container.querySelector<HTMLInputElement>(`input[name="display-mode-${site}"][value="${mode}"]`);

describe('DisplayModeSettings', () => {
  it('shows the defaults, stores a switch, and explains why LinkedIn and X are side panel only', async () => {
    dom.render(<DisplayModeSettings area={area} events={events} />);
    await vi.waitFor(() => expect(radio('gmail', 'injected')?.checked).toBe(true));
    expect(radio('outlook', 'injected')?.checked).toBe(true);
    expect(dom.container.textContent).toMatch(/LinkedIn and X Clyde always uses the side panel/);

    radio('gmail', 'side-panel')!.click();
    await vi.waitFor(() => expect(items.get(DISPLAY_MODE_KEY)).toEqual({ gmail: 'side-panel', outlook: 'injected' }));
    await vi.waitFor(() => expect(radio('gmail', 'side-panel')?.checked).toBe(true));
  });

  it('follows a change made in another window', async () => {
    dom.render(<DisplayModeSettings area={area} events={events} />);
    await vi.waitFor(() => expect(radio('outlook', 'injected')?.checked).toBe(true));
    await area.set({ [DISPLAY_MODE_KEY]: { outlook: 'side-panel' } });
    await vi.waitFor(() => expect(radio('outlook', 'side-panel')?.checked).toBe(true));
  });

  it('says so when the setting cannot be saved, and keeps the stored mode', async () => {
    const failing: SettingsArea = { ...area, set: () => Promise.reject(new Error('Storage is not available.')) };
    dom.render(<DisplayModeSettings area={failing} events={events} />);
    await vi.waitFor(() => expect(radio('gmail', 'injected')?.checked).toBe(true));
    radio('gmail', 'side-panel')!.click();
    await vi.waitFor(() => expect(dom.container.querySelector('[role=alert]')?.textContent).toBe('Storage is not available.'));
    expect(radio('gmail', 'injected')?.checked).toBe(true);
  });
});
