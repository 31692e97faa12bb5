import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '../../src/storage/db';
import { Home } from '../../src/ui/home/Home';
import '../panel/style.css';
import { t } from '../../src/i18n';

// Open the database while React starts, so the first section's query finds it ready.
void db.open();
// index.html's title is the English fallback; the page's own language replaces it.
document.title = t('home.pageTitle');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Home />
  </StrictMode>,
);
