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

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <div className="site-header__brand-row">
          <p className="site-header__brand">
            <Link to={paths.home()} className="site-header__name">
              {t('app.name')}
            </Link>
            <span className="site-header__tagline">{t('app.tagline')}</span>
          </p>
          <div className="site-header__controls">
            <LanguageSwitcher />
            <AccountMenu
              links={
                signedIn ? (
                  <>
                    <li>
                      <NotificationsLink signedIn={signedIn} />
                    </li>
                    {moderates ? (
                      <li>
                        <NavLink to={paths.moderation()}>{t('nav.moderation')}</NavLink>
                      </li>
                    ) : null}
                  </>
                ) : null
              }
            />
          </div>
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
    </header>
  );
}
