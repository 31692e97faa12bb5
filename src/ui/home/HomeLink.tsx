import { browser } from 'wxt/browser';
import { t } from '../../i18n';

/**
 * Opens Home, at one of its pages with `hash` (route.ts), in a new tab; where the tabs API is
 * missing (a frame that may not use it), as a plain new window.
 */
export function openHome(hash = ''): void {
  const url = browser.runtime.getURL(`/home.html${hash}`);
  void Promise.resolve()
    .then(() => browser.tabs.create({ url }))
    .catch(() => window.open(url, '_blank', 'noopener'));
}

/**
 * "Home": a link to Clyde's page across people, for the panel's header and the settings page; with
 * `hash`, to one of its pages (a company, a deal: route.ts).
 */
export function HomeLink({
  hash = '',
  title = t('homeActions.linkTitle'),
  className = 'text-xs text-blue-700 hover:underline',
  children = t('home.title'),
}: {
  hash?: string;
  title?: string;
  className?: string;
  children?: React.ReactNode;
}) {
  const url = browser.runtime.getURL(`/home.html${hash}`);
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener"
      onClick={(e) => {
        e.preventDefault();
        openHome(hash);
      }}
      title={title}
      className={className}
    >
      {children}
    </a>
  );
}
