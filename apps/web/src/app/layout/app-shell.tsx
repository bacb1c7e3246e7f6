import { Suspense, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LoadingStatus } from '../../components/loading-status';
import { RouteErrorBoundary } from '../../components/route-error-boundary';
import { RouteFocusProvider } from '../../components/route-focus';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

const MAIN_ID = 'main-content';

export function AppShell() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);

  // Focus <main> directly: a bare #fragment would add a history entry to the router.
  const handleSkipLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <RouteFocusProvider>
      <a href={`#${MAIN_ID}`} className="skip-link" onClick={handleSkipLinkClick}>
        {t('a11y.skipToContent')}
      </a>
      <SiteHeader />
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="site-main">
        {/* Pages outside the catalogue load on demand: wait for them, and survive a failed load. */}
        <RouteErrorBoundary pathname={pathname}>
          <Suspense fallback={<LoadingStatus />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      <SiteFooter />
    </RouteFocusProvider>
  );
}
