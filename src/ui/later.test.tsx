// @vitest-environment happy-dom
// Rendered without act(): a later part shows when its code arrives, so the test waits for what shows.
import { describe, expect, it, vi } from 'vitest';
import { testRoot } from '../../test/support/react-root';
import { holdLaterParts, later, showFirstLook } from './later';

const dom = testRoot();
const part = () => dom.container.querySelector('[data-testid=part]');

/** A later part that counts how often its code was asked for. */
function counted() {
  const asked = { n: 0 };
  const Part = later(async () => {
    asked.n++;
    return ({ who }: { who: string }) => <p data-testid="part">{who}</p>;
  });
  return { asked, Part };
}

describe('later parts', () => {
  it('load at once, with their props, on a page that holds nothing back (Home, options)', async () => {
    const { asked, Part } = counted();
    dom.render(<Part who="Ana Lima" />);
    await vi.waitFor(() => expect(part()?.textContent).toBe('Ana Lima'));
    expect(asked.n).toBe(1);
  });

  it('are not even fetched while the panel holds them, and come once its first look is shown', async () => {
    holdLaterParts();
    const { asked, Part } = counted();
    dom.render(
      <>
        <h1>Bruno Costa</h1>
        <Part who="Bruno's notes" />
      </>,
    );
    await vi.waitFor(() => expect(dom.container.querySelector('h1')).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked.n).toBe(0);
    expect(part()).toBeNull();

    // One not on screen yet, as a new person's timeline is until the person is created.
    const unseen = counted();
    showFirstLook();
    await vi.waitFor(() => expect(part()?.textContent).toBe("Bruno's notes"));
    expect(asked.n).toBe(1);

    // The hold's end loaded it too: it comes in the same commit as what shows it, not a moment after.
    await vi.waitFor(() => expect(unseen.asked.n).toBe(1));
    dom.render(
      <>
        <h1>Ana Lima</h1>
        <unseen.Part who="Ana's timeline" />
      </>,
    );
    await vi.waitFor(() => expect(dom.container.querySelector('h1')?.textContent).toBe('Ana Lima'));
    expect(part()?.textContent).toBe("Ana's timeline");
  });

  it('come two seconds after the hold at the latest, when the panel never shows anyone', async () => {
    holdLaterParts();
    const { asked, Part } = counted();
    dom.render(<Part who="the header" />);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(asked.n).toBe(0);
    await vi.waitFor(() => expect(part()?.textContent).toBe('the header'), { timeout: 3000 });
  });
});
