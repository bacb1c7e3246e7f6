import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LoadingStatus } from '../../components/loading-status';
import { paths } from '../../lib/paths';
import { RequireAdmin } from './require-auth';

/** The administrators' pages, with their own navigation. */
export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <RequireAdmin>
      <div className="section-layout">
        <nav aria-label={t('admin.navLabel')} className="sub-nav">
          <ul>
            <li>
              <NavLink to={paths.adminUsers()}>{t('admin.usersNav')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.adminOrganisations()}>{t('admin.organisationsNav')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.adminConsultations()}>{t('admin.consultationsNav')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.adminSanctions()}>{t('admin.sanctionsNav')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.adminWordFilter()}>{t('admin.wordFilterNav')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.adminRules()}>{t('admin.rulesNav')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.adminExports()}>{t('admin.exportsNav')}</NavLink>
            </li>
            <li>
              <NavLink to={paths.adminAudit()}>{t('admin.auditNav')}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="section-layout__content">
          <Suspense fallback={<LoadingStatus />}>
            <Outlet />
          </Suspense>
        </div>
      </div>
    </RequireAdmin>
  );
}
