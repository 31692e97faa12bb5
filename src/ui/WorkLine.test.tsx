// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { testRoot } from '../../test/support/react-root';
import { WorkLine } from './WorkLine';

const ui = testRoot();
/** Renders `props` and waits until the line reads `expected` (work, then location). */
async function expectShown(props: Parameters<typeof WorkLine>[0], expected: { work?: string; location?: string }) {
  ui.render(<WorkLine {...props} />);
  const text = (id: string) => ui.container.querySelector(`[data-testid=${id}]`)?.textContent;
  await vi.waitFor(() => expect({ work: text('person-work'), location: text('person-location') }).toEqual(expected));
}

describe('WorkLine', () => {
  it('names the company once when the headline already does', async () => {
    await expectShown(
      { headline: 'Staff Engineer at Contoso Cloud', company: 'Contoso Cloud', location: 'Porto Alegre' },
      { work: 'Staff Engineer at Contoso Cloud', location: 'Porto Alegre' },
    );
  });

  it('adds the company to a headline that does not name it, and shows either alone', async () => {
    await expectShown({ headline: 'Buyer', company: 'Costa & Filhos Mills' }, { work: 'Buyer · Costa & Filhos Mills' });
    await expectShown({ company: 'Costa & Filhos Mills' }, { work: 'Costa & Filhos Mills' });
    await expectShown({ location: 'Lisbon' }, { location: 'Lisbon' });
  });

  it('renders markup from a page as text, clamped', async () => {
    const hostile = `<img src=x onerror=alert(1)>${'\u202e'}${'x'.repeat(10_000)}`;
    await expectShown({ headline: hostile }, { work: hostile });
    expect(ui.container.querySelector('img')).toBeNull();
    expect(ui.container.querySelector('[data-testid=person-work]')!.className).toContain('line-clamp-2');
  });
});
