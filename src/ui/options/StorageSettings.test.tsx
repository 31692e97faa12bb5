// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { testRoot } from '../../../test/support/react-root';
import type { StorageApi } from '../../storage/persistence';
import { StorageSettings } from './StorageSettings';

/** A browser's StorageManager, as it answers: `persist()` grants or refuses, and is remembered. */
function storageThat(grants: boolean, estimate: StorageEstimate = { usage: 12_345_678, quota: 120e9 }) {
  let persisted = false;
  const api = {
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => (persisted = grants)),
    estimate: vi.fn(async () => estimate),
  };
  return api satisfies StorageApi;
}

const ui = testRoot();
const says = () => ui.container.querySelector('[data-testid=persistence]')?.textContent;

describe('Settings → Storage', () => {
  it('asks for persistent storage and says, when granted, that only the user can delete the data', async () => {
    const storage = storageThat(true);
    ui.render(<StorageSettings storage={storage} />);
    await vi.waitFor(() => expect(says()).toMatch(/^Kept for good: the browser will not delete Clyde’s data/));
    expect(storage.persist).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(ui.container.textContent).toContain('Clyde takes 12 MB of the 120 GB this browser lets it use.'));
  });

  it('does not ask again once granted', async () => {
    const storage = storageThat(true);
    await storage.persist();
    ui.render(<StorageSettings storage={storage} />);
    await vi.waitFor(() => expect(says()).toMatch(/^Kept for good/));
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  it('says plainly what a refusal means and what to do, and can ask again', async () => {
    const storage = storageThat(false);
    ui.render(<StorageSettings storage={storage} />);
    await vi.waitFor(() => expect(says()).toContain('if the disk runs very low it may delete Clyde’s data without asking'));
    expect(says()).toContain('Save your data regularly');
    [...ui.container.querySelectorAll('button')].find((b) => b.textContent === 'Ask the browser again')!.click();
    await vi.waitFor(() => expect(storage.persist).toHaveBeenCalledTimes(2));
  });

  it('says when the browser cannot tell', async () => {
    ui.render(<StorageSettings storage={undefined} />);
    await vi.waitFor(() => expect(says()).toMatch(/does not say whether it keeps Clyde’s data/));
  });
});
