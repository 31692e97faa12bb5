// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { outlook } from './index';

const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><body>${body}`, 'text/html');
const at = (path: string) => new URL(`https://outlook.office.com${path}`);

describe('outlook parser health', () => {
  it('marks a message URL that shows no message it knows as unread', () => {
    const out = outlook.parse(
      page('<div role="main"><div class="newPane">From Ana Lima</div></div>'),
      at('/mail/inbox/id/AAQkADfictional%3D'),
    );
    expect(out).toMatchObject({ site: 'outlook', view: 'thread', people: [], unread: true });
  });

  it('does not mark the list or settings', () => {
    expect(outlook.parse(page('<div role="main"></div>'), at('/mail/inbox'))).toMatchObject({ view: 'list', people: [] });
    expect(outlook.parse(page('<div role="main"></div>'), at('/mail/inbox'))?.unread).toBeUndefined();
    expect(outlook.parse(page(''), at('/mail/options/general'))).toBeNull();
  });

  it("reads Outlook.com 2025: the sender from a persona's Name<address> text, the user from the app rail", () => {
    const body =
      '<div id="LeftRail"><img title="nadia.rep@outlook.com" aria-label="nadia.rep@outlook.com"></div>' +
      '<div role="main" data-app-section="MailReadCompose"><div id="ReadingPaneContainerId"><div role="heading" aria-level="2"><span title="Kiln prices">Kiln prices</span></div>' +
      '<span aria-label="From: Ana Lima" role="button" data-lpc-hover-target-id="lpc-react-target-1"><span>Ana Lima&lt;ana.lima@example.com&gt;</span></span>' +
      '<div role="edit" aria-readonly="true" aria-label="To: Nadia Rep; Bruno Costa"><span aria-label="Nadia Rep" data-lpc-hover-target-id="t2">Nadia Rep</span>' +
      '<span data-lpc-hover-target-id="t3">Bruno Costa&lt;bruno@example.com&gt;</span><span data-lpc-hover-target-id="t4">Nadia Rep&lt;nadia.rep@outlook.com&gt;</span></div>' +
      '<div role="document"><div id="UniqueMessageBody_1">Write to <span data-lpc-hover-target-id="t5">Carla&lt;carla@example.com&gt;</span></div></div></div></div>';
    expect(outlook.parse(page(body), new URL('https://outlook.live.com/mail/0/inbox/id/AQQkfictional'))).toEqual({
      site: 'outlook',
      view: 'thread',
      url: 'https://outlook.live.com/mail/0/inbox/id/AQQkfictional',
      self: { email: 'nadia.rep@outlook.com' },
      thread: { subject: 'Kiln prices' },
      people: [
        { name: 'Ana Lima', email: 'ana.lima@example.com', role: 'from' },
        { name: 'Bruno Costa', email: 'bruno@example.com', role: 'to' },
      ],
    });
  });
});
