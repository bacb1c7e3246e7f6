import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../../lib/paths';

/** The account's sections; the current one is marked (aria-current) by NavLink. */
export function AccountNav() {
  const { t } = useTranslation();
  const links = [
    { to: paths.account(), label: t('account.nav.profile'), end: true },
    { to: paths.accountPrivacy(), label: t('account.nav.privacy') },
    { to: paths.accountPassword(), label: t('account.nav.password') },
    { to: paths.accountSessions(), label: t('account.nav.sessions') },
    { to: paths.accountData(), label: t('account.nav.data') },
  ];
  return (
    <nav aria-label={t('account.nav.label')} className="sub-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
