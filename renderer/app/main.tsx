// The page-wide styles first, so each part's own stylesheet (imported with it) comes after them.
import '../styles/tokens.css';
import '../styles/base.css';
import '../ui/ui.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAccounts } from '../features/accounts/accountsStore';
import { useCode } from '../features/code/codeStore';
import { App } from './App';
import { useSettings } from './settingsStore';

// The end-to-end tests read the stores to prove no secret is kept there. Only with ?e2e in the
// URL: the app loads its page without a query, so shipped windows never expose them.
if (new URLSearchParams(window.location.search).has('e2e')) {
  Object.assign(window, { __wxacodeStores: { code: useCode, accounts: useAccounts, settings: useSettings } });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
