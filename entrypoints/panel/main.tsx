import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '../../src/storage/db';
import { App } from '../../src/ui/App';
import './style.css';

// Open the database while the panel asks which page it is on, so the first person shows sooner.
void db.open();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
