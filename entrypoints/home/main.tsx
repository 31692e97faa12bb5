import { StrictMode } from 'react';
import { db } from '../../src/storage/db';
import { askPersistence } from '../../src/storage/persistence';
import { Home } from '../../src/ui/home/Home';
import { renderGated } from '../../src/ui/StorageNotice';
import '../panel/style.css';
import { t } from '../../src/i18n';

// Open the database while React starts, so the first section's query finds it ready.
void db.open().catch(() => undefined); // a storage fault shows as the notice (StorageNotice.tsx)
void askPersistence();
// index.html's title is the English fallback; the page's own language replaces it.
document.title = t('home.pageTitle');
renderGated(
  document.getElementById('root')!,
  <StrictMode>
    {/* One main landmark around every view Home shows (the lists, a person, the board). */}
    <main>
      <Home />
    </main>
  </StrictMode>,
);
