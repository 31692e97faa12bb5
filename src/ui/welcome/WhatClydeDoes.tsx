/**
 * What Clyde does, in the three lines someone deciding in five minutes reads, and where it shows
 * up, so the first email they open is not a surprise.
 */
export function WhatClydeDoes() {
  return (
    <>
      <ul className="space-y-1 text-base" aria-label="What Clyde does">
        <li>Clyde is a memory beside your inbox: who someone is, what they care about, what you promised them.</li>
        <li>It never sends anything on your behalf: no emails, no tracking pixels, no reports on your activity.</li>
        <li>Private by default: your data stays in this browser, needs no account, and exports any time from Settings.</li>
      </ul>
      <section aria-labelledby="where-title" className="space-y-2">
        <h2 id="where-title" className="text-base font-semibold">
          Where Clyde shows up
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            <strong>Gmail and Outlook on the web</strong>: open an email and Clyde's panel sits beside the mail, on the right, with the
            person who wrote. Its <span aria-hidden="true">›</span> button (“Collapse Clyde”) folds it into a small Clyde tab at the edge;
            click the tab to bring it back.
          </li>
          <li>
            <strong>LinkedIn and X</strong>: open a profile and click Clyde's toolbar button; the person shows in the browser's side panel.
            Clyde puts nothing into those pages. (Pin Clyde from the browser's extensions menu to keep the button in sight.)
          </li>
          <li>
            <strong>Any other page</strong>: the toolbar button or <kbd>Alt+Shift+C</kbd> reads the page when you ask, never before.
          </li>
        </ul>
      </section>
    </>
  );
}
