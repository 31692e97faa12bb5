import { StrictMode } from 'react';
import { browser } from 'wxt/browser';
import { DisplayModeSettings } from '../../src/ui/options/DisplayModeSettings';
import { ShortcutsSettings } from '../../src/ui/help/ShortcutList';
import { HomeLink } from '../../src/ui/home/HomeLink';
import { NeverLogSettings } from '../../src/ui/never-log/NeverLogSettings';
import { ExportData } from '../../src/ui/options/ExportData';
import { ImportContacts } from '../../src/ui/options/ImportContacts';
import { RestoreData } from '../../src/ui/options/RestoreData';
import { StorageSettings } from '../../src/ui/options/StorageSettings';
import { renderGated } from '../../src/ui/StorageNotice';
import { ReminderSettings } from '../../src/ui/options/ReminderSettings';
import { TeamSettings } from '../../src/ui/sync/TeamSettings';
import { WelcomeLink } from '../../src/ui/welcome/WelcomeLink';
import '../panel/style.css';
import { t } from '../../src/i18n';

// index.html's title is the English fallback; the page's own language replaces it.
document.title = t('options.title');
renderGated(
  document.getElementById('root')!,
  <StrictMode>
    <main className="mx-auto max-w-xl p-6">
      <h1 className="mb-4 flex items-baseline justify-between text-lg font-semibold">
        {t('options.title')}
        <span className="flex gap-4">
          <WelcomeLink />
          <HomeLink>{t('options.openHome')}</HomeLink>
        </span>
      </h1>
      <TeamSettings fetch={(url, init) => fetch(url, init)} />
      <div className="mt-6">
        <DisplayModeSettings area={browser.storage.local} events={browser.storage.local.onChanged} />
      </div>
      <ReminderSettings area={browser.storage.local} events={browser.storage.local.onChanged} />
      <NeverLogSettings />
      <ShortcutsSettings />
      <StorageSettings />
      <ExportData />
      <RestoreData />
      <div className="mt-6">
        <ImportContacts />
      </div>
    </main>
  </StrictMode>,
);
