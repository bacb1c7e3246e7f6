import { hydrate } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadForSession } from './app/preload-for-session';
import { authSession } from './lib/auth-session';
import { changeLocale, detectLocale, initI18n, loadLaterStrings, readStoredLocale, rememberStoredLocaleForServer } from './lib/i18n';
import { startOffline } from './lib/offline/start-offline';
import { rememberTimeZoneForServer, setDisplayTimeZone } from './lib/format';
import { createQueryClient } from './lib/query-client';
import { readSsrState } from './lib/ssr-state';
import './styles/main.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
// A page the server rendered (entry-server.tsx) comes with the answers it was rendered from.
const ssr = readSsrState();
if (ssr) {
  hydrate(queryClient, ssr.queries);
  // Dates as the server wrote them, for the life of this page; the next one is rendered in this browser's zone.
  setDisplayTimeZone({ timeZone: ssr.timeZone, named: !ssr.timeZoneKnown });
}

// Restore a session from the refresh cookie, silently and in parallel with the language — only
// when the session hint cookie is there: the catalogue does not wait for it, pages that need a session do.
authSession.listenToOtherTabs();
void authSession.restore();
const preloading = preloadForSession(window.location.pathname);
// The service worker once the page is idle, and the outbox of writes made offline (lib/offline/).
startOffline(authSession, queryClient);

/** Hydration mismatches, counted for the browser journeys (which fail on any) and logged. */
const hydrationErrors: string[] = [];
(window as unknown as { __cvHydrationErrors?: string[] }).__cvHydrationErrors = hydrationErrors;

// Render once the language is ready, so nobody sees English flash first: a server-rendered page in
// the language it was rendered in (the markup must match), switched after if this browser chose another.
void initI18n(ssr?.locale ?? detectLocale()).finally(() => {
  const app = (
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>
  );
  if (ssr && container.hasChildNodes()) {
    hydrateRoot(container, app, {
      onRecoverableError: (error) => {
        hydrationErrors.push(error instanceof Error ? error.message : String(error));
        reportError(error);
      },
    });
    // The server read the cookie or Accept-Language; a choice only this browser stored wins.
    const stored = readStoredLocale();
    if (stored && stored !== ssr.locale) void changeLocale(stored).catch(() => undefined);
  } else {
    createRoot(container).render(app);
  }
  // The rest of the language (the forms' words) for the comment box being fetched above.
  if (preloading) void loadLaterStrings();
  rememberStoredLocaleForServer();
  rememberTimeZoneForServer();
});
