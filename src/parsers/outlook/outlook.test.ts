// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { outlook } from './index';

const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><body>${body}`, 'text/html');
const at = (path: string) => new URL(`https://outlook.office.com${path}`);

describe('outlook parser health', () => {
  it('marks a message URL that shows no message it knows as unread', () => {
    const out = outlook.parse(page('<div role="main"><div class="newPane">From Ana Lima</div></div>'), at('/mail/inbox/id/AAQkADfictional%3D'));
    expect(out).toMatchObject({ site: 'outlook', view: 'thread', people: [], unread: true });
  });

  it('does not mark the list or settings', () => {
    expect(outlook.parse(page('<div role="main"></div>'), at('/mail/inbox'))).toMatchObject({ view: 'list', people: [] });
    expect(outlook.parse(page('<div role="main"></div>'), at('/mail/inbox'))?.unread).toBeUndefined();
    expect(outlook.parse(page(''), at('/mail/options/general'))).toBeNull();
  });
});
