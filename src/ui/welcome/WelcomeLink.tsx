import { browser } from 'wxt/browser';
import { t } from '../../i18n';

/** Settings' way back to the welcome page, which otherwise opens only once, on install. */
export function WelcomeLink() {
  return (
    <a
      href={browser.runtime.getURL('/welcome.html')}
      target="_blank"
      rel="noopener"
      title={t('welcome.linkTitle')}
      className="text-xs text-blue-700 hover:underline"
    >
      {t('welcome.link')}
    </a>
  );
}
