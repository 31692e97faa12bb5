import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Welcome } from '../../src/ui/welcome/Welcome';
import '../panel/style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Welcome area={browser.storage.local} events={browser.storage.local.onChanged} fetch={(url, init) => fetch(url, init)} />
  </StrictMode>,
);
