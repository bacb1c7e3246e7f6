import { useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useSearchParams } from 'react-router';
import { AccountMenu } from '../../features/auth/components/account-menu';
import { useSession } from '../../hooks/use-session';
import { NotificationsLink } from '../../features/notifications/components/notifications-link';
import { SiteSearchForm } from '../../features/search/components/site-search-form';
import { paths } from '../../lib/paths';
import { LanguageSwitcher } from './language-switcher';

export function SiteHeader() {
  const { t } = useTranslation();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const onSearchPage = location.pathname === paths.search();
  const currentQuery = onSearchPage ? (searchParams.get('q') ?? '') : '';
  const { status, user } = useSession();
  const signedIn = status === 'signed-in' && user !== null;
  const moderates = Boolean(user?.roles.some((role) => role === 'moderator' || role === 'admin' || role === 'safeguarding'));
  // On a phone the navigation, search, language and account links sit behind one "Menu" button, so
  // the page's own content starts in the first screen. From 48rem up the button is hidden and the
  // panel always shown (header.css).
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  // Closed when a link in it is followed or a search sent. Not on every navigation: signing out
  // from another page goes home first, and its outcome is announced from inside the open panel.
  const closeAfterChoice = (event: SyntheticEvent) => {
    if (event.type === 'submit' || (event.target instanceof Element && event.target.closest('a'))) setMenuOpen(false);
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButtonRef.current?.focus();
  };

  return (
    <header className="site-header" onKeyDown={closeOnEscape}>
      <div className="site-header__inner">
        <div className="site-header__top">
          <p className="site-header__brand">
            <Link to={paths.home()} className="site-header__name">
              {t('app.name')}
            </Link>
            <span className="site-header__tagline">{t('app.tagline')}</span>
          </p>
          <div className="site-header__quick">
            {/* Outside the menu: an unread notification must show without opening it. */}
            {signedIn ? <NotificationsLink signedIn={signedIn} /> : null}
            <button
              ref={menuButtonRef}
              type="button"
              className="button button--on-dark button--small site-header__menu-button"
              aria-expanded={menuOpen}
              aria-controls="site-header-panel"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t('nav.menu')}
            </button>
          </div>
        </div>
        <div
          id="site-header-panel"
          className={menuOpen ? 'site-header__panel site-header__panel--open' : 'site-header__panel'}
          onClick={closeAfterChoice}
          onSubmit={closeAfterChoice}
        >
          <div className="site-header__controls">
            <LanguageSwitcher />
            <AccountMenu
              links={
                signedIn && moderates ? (
                  <li>
                    <NavLink to={paths.moderation()}>{t('nav.moderation')}</NavLink>
                  </li>
                ) : null
              }
            />
          </div>
          <div className="site-header__tools">
            <nav aria-label={t('a11y.mainNavigation')} className="site-nav">
              <ul>
                <li>
                  <NavLink to={paths.home()} end>
                    {t('nav.home')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to={paths.search()}>{t('nav.search')}</NavLink>
                </li>
                <li>
                  <NavLink to={paths.consultations()}>{t('nav.consultations')}</NavLink>
                </li>
                <li>
                  <NavLink to={paths.organisations()}>{t('nav.organisations')}</NavLink>
                </li>
                <li>
                  <NavLink to={paths.dashboard()}>{t('nav.dashboard')}</NavLink>
                </li>
                <li>
                  <NavLink to={paths.openData()}>{t('nav.openData')}</NavLink>
                </li>
              </ul>
            </nav>
            {/* Keyed by the URL so the box shows the current query and clears after leaving search. */}
            <SiteSearchForm key={`${location.pathname}?${currentQuery}`} initialQuery={currentQuery} />
          </div>
        </div>
      </div>
    </header>
  );
}
