import { browser } from 'wxt/browser';

/**
 * The context every content script's `main` gets. wxt.config.ts swaps it in for WXT's own
 * `ContentScriptContext`, which the generated wrapper constructs before `main` runs: WXT's posts
 * `<extension id>:<script>:wxt:content-script-started` to the window on start-up, so every host
 * page learns Clyde's static id (defeating `use_dynamic_url`), and it tears the script down when
 * the page posts that message back with a new `messageId` (issue #15). This one says nothing to
 * the page and listens to nothing the page can send: it is an AbortController whose signal every
 * listener, observer and the panel host is tied to.
 *
 * WXT's message exists to stop an old script when the extension updates or reloads and a new
 * one starts in the same page. Here the old script stops itself, through the extension alone: once
 * the extension it belongs to is gone, its `browser.runtime.id` is undefined (Chromium's orphaned
 * scripts), and it checks on every change to the document's tree. A new script mounting its panel
 * host is such a change, and so is the webmail's own churn, so an orphan, and its dead panel, never
 * outlive the page's next change. Firefox shuts an old add-on's scripts down outright, without
 * their cleanup; the new script removes the host they left (stale-hosts.ts).
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;

  // WXT passes the script's name and options; nothing here needs them.
  constructor() {
    // Child lists only: that is what a new script's mount and Gmail's re-renders change.
    const observer = new MutationObserver(() => this.isValid);
    observer.observe(document, { childList: true, subtree: true });
    this.signal.addEventListener('abort', () => observer.disconnect());
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /** False once aborted, or once the extension this script belongs to has been updated, reloaded or removed. */
  get isValid(): boolean {
    if (browser.runtime?.id == null) this.abort('Clyde was updated, reloaded or removed');
    return !this.signal.aborted;
  }
}

/** What a content script's `main` may use of its context; entrypoints type `ctx` with it, so WXT's other members, absent here, are never called. */
export type QuietContext = Pick<ContentScriptContext, 'signal' | 'abort' | 'isValid'>;
