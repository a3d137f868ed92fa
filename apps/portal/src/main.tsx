import '@codegouvfr/react-dsfr/main.css';
import '@codegouvfr/react-dsfr/dsfr/utility/icons/icons.min.css';
import './portal.css';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Link } from 'react-router';
import { App } from './App';
import { SILENT_RENEW_PATH, userManager } from './auth/session';

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

if (window.location.pathname === SILENT_RENEW_PATH) {
  // Inside the hidden renewal frame: hand the new code to the opener's UserManager, render nothing.
  void userManager().signinSilentCallback();
} else {
  startReactDsfr({ defaultColorScheme: 'system', Link });
  const root = document.getElementById('racine');
  if (!root) throw new Error('index.html lost its #racine element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
