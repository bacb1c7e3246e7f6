import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { authSession } from './lib/auth-session';
import { initI18n } from './lib/i18n';
import { startOffline } from './lib/offline/start-offline';
import { createQueryClient } from './lib/query-client';
import './styles/main.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();

// Restore a session from the refresh cookie, silently and in parallel with the language — only
// when the session hint cookie is there: the catalogue does not wait for it, pages that need a session do.
authSession.listenToOtherTabs();
void authSession.restore();
// The service worker once the page is idle, and the outbox of writes made offline (lib/offline/).
startOffline(authSession, queryClient);

// Render once the saved language is ready, so nobody sees English flash first.
void initI18n().finally(() => {
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
});
