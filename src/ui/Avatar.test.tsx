// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { testRoot } from '../../test/support/react-root';
import { Avatar } from './Avatar';

const ui = testRoot();
const photo = 'https://lh3.googleusercontent.com/a/fictional=s40';
const img = () => ui.container.querySelector('img');

describe('Avatar', () => {
  it('shows the initial until the photo has loaded, then the photo over it', async () => {
    ui.render(<Avatar name=" ana Lima" url={photo} />);
    await vi.waitFor(() => expect(img()).toBeTruthy());
    expect(ui.container.textContent).toBe('A');
    expect(img()!.className).toContain('invisible');
    img()!.dispatchEvent(new Event('load'));
    await vi.waitFor(() => expect(img()!.className).not.toContain('invisible'));
  });

  it('keeps the initial when the photo never loads or fails', async () => {
    ui.render(<Avatar name="Bruno" url={photo} />);
    await vi.waitFor(() => expect(img()).toBeTruthy());
    img()!.dispatchEvent(new Event('error'));
    expect(img()!.className).toContain('invisible');
    expect(ui.container.textContent).toBe('B');
  });

  it.each([
    ['a host that is not a photo host', 'https://tracker.example/pixel.gif'],
    ['plain http', 'http://lh3.googleusercontent.com/a/x'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['no URL', undefined],
  ])('loads nothing for %s', async (_, url) => {
    ui.render(<Avatar name="Carla" url={url} />);
    await vi.waitFor(() => expect(ui.container.textContent).toBe('C'));
    expect(img()).toBeNull();
  });
});
