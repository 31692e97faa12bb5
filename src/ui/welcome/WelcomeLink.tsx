import { browser } from 'wxt/browser';

/** Settings' way back to the welcome page, which otherwise opens only once, on install. */
export function WelcomeLink() {
  return (
    <a
      href={browser.runtime.getURL('/welcome.html')}
      target="_blank"
      rel="noopener"
      title="What Clyde does, where it shows up, and the first steps"
      className="text-xs text-blue-700 hover:underline"
    >
      Welcome page
    </a>
  );
}
