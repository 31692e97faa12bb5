import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Welcome } from '../../src/ui/welcome/Welcome';
import '../panel/style.css';
import { t } from '../../src/i18n';

// index.html's title is the English fallback; the page's own language replaces it.
document.title = t('welcome.pageTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Welcome area={browser.storage.local} events={browser.storage.local.onChanged} fetch={(url, init) => fetch(url, init)} />
  </StrictMode>,
);
