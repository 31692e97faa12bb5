// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { followHostTheme, hostTheme } from './follow-host';

describe('hostTheme', () => {
  it('reads the theme the content script put in the fragment, and nothing else', () => {
    expect(hostTheme('#theme=dark')).toBe('dark');
    expect(hostTheme('#theme=light')).toBe('light');
    expect(hostTheme('')).toBeUndefined();
    expect(hostTheme('#theme=purple')).toBeUndefined();
  });

  it('marks <html> with it, or leaves the system to decide', () => {
    location.hash = '#theme=dark';
    followHostTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
    location.hash = '';
    followHostTheme();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
