import { t } from '../../i18n';
/**
 * What Clyde does, in the three lines someone deciding in five minutes reads, and where it shows
 * up, so the first email they open is not a surprise.
 */
export function WhatClydeDoes() {
  return (
    <>
      <ul className="space-y-1 text-base" aria-label={t('welcome.what.title')}>
        <li>{t('welcome.what.memory')}</li>
        <li>{t('welcome.what.sends')}</li>
        <li>{t('welcome.what.private')}</li>
      </ul>
      <section aria-labelledby="where-title" className="space-y-2">
        <h2 id="where-title" className="text-base font-semibold">
          {t('welcome.where.title')}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            <strong>{t('welcome.where.mail.site')}</strong>
            {t('welcome.where.mail.before')}
            <span aria-hidden="true">›</span>
            {t('welcome.where.mail.after')}
          </li>
          <li>
            <strong>{t('welcome.where.social.site')}</strong>
            {t('welcome.where.social.text')}
          </li>
          <li>
            <strong>{t('welcome.where.other.site')}</strong>
            {t('welcome.where.other.before')}
            <kbd>Alt+Shift+C</kbd>
            {t('welcome.where.other.after')}
          </li>
        </ul>
      </section>
    </>
  );
}
