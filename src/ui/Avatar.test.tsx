// @vitest-environment happy-dom
import { act, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testRoot } from '../../test/support/react-root';
import { Avatar } from './Avatar';

const ui = testRoot();
// Renders and events run inside act(), which flushes the re-render their state change causes:
// every check below sees what React drew after the event, not the frame before it. Switched off
// before testRoot unmounts (hooks registered later run first), since that unmount is not in act().
const actEnvironment = (on: boolean) => void ((globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = on);
beforeEach(() => actEnvironment(true));
afterEach(() => actEnvironment(false));
const photo = 'https://lh3.googleusercontent.com/a/fictional=s40';
const img = () => ui.container.querySelector('img');
const show = (node: ReactNode) => act(async () => ui.render(node));
const fire = (type: 'load' | 'error') => act(async () => void img()!.dispatchEvent(new Event(type)));

describe('Avatar', () => {
  it('shows the initial until the photo has loaded, then the photo over it', async () => {
    await show(<Avatar name=" ana Lima" url={photo} />);
    expect(ui.container.textContent).toBe('A');
    expect(img()!.className).toContain('invisible');
    await fire('load');
    expect(img()!.className).not.toContain('invisible');
  });

  it('keeps the initial when the photo never loads or fails', async () => {
    await show(<Avatar name="Bruno" url={photo} />);
    expect(img()!.className).toContain('invisible');
    await fire('error');
    expect(img()!.className).toContain('invisible');
    expect(ui.container.textContent).toBe('B');
  });

  it.each([
    ['a host that is not a photo host', 'https://tracker.example/pixel.gif'],
    ['plain http', 'http://lh3.googleusercontent.com/a/x'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['no URL', undefined],
  ])('loads nothing for %s', async (_, url) => {
    await show(<Avatar name="Carla" url={url} />);
    expect(ui.container.textContent).toBe('C');
    expect(img()).toBeNull();
  });
});
