import { useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { RouteFocusProvider } from '../../components/route-focus';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

const MAIN_ID = 'main-content';

export function AppShell() {
  const { t } = useTranslation();
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
        <Outlet />
      </main>
      <SiteFooter />
    </RouteFocusProvider>
  );
}
