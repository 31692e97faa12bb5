import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '../../src/storage/db';
import { Home } from '../../src/ui/home/Home';
import '../panel/style.css';

// Open the database while React starts, so the first section's query finds it ready.
void db.open();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* One main landmark around every view Home shows (the lists, a person, the board). */}
    <main>
      <Home />
    </main>
  </StrictMode>,
);
