import { browser } from 'wxt/browser';

/** Opens Home in a new tab; where the tabs API is missing (a frame that may not use it), as a plain new window. */
function openHome(): void {
  const url = browser.runtime.getURL('/home.html');
  void Promise.resolve()
    .then(() => browser.tabs.create({ url }))
    .catch(() => window.open(url, '_blank', 'noopener'));
}

/** "Home": a link to Clyde's page across people, for the panel's header and the settings page. */
export function HomeLink({ children = 'Home' }: { children?: React.ReactNode }) {
  return (
    <a
      href={browser.runtime.getURL('/home.html')}
      target="_blank"
      rel="noopener"
      onClick={(e) => {
        e.preventDefault();
        openHome();
      }}
      title="Who needs you today, who is at risk and why, across everyone"
      className="text-xs text-blue-700 hover:underline"
    >
      {children}
    </a>
  );
}
