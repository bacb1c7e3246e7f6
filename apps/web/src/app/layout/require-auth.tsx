import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../features/auth/hooks/use-session';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

/**
 * Pages for signed-in people. Until the silent refresh at start has answered, wait; when signed
 * out, go to "Sign in", which brings people back here afterwards.
 */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'unknown') return <LoadingStatus />;
  if (status === 'signed-out') {
    return <Navigate to={paths.signIn(`${location.pathname}${location.search}`)} replace />;
  }
  return children ?? <Outlet />;
}

function AdminsOnly() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.forbiddenHeading'));
  return (
    <>
      <PageHeading>{t('admin.forbiddenHeading')}</PageHeading>
      <p>{t('admin.forbiddenText')}</p>
      <p>
        <Link to={paths.home()}>{t('notFound.homeLink')}</Link>
      </p>
    </>
  );
}

/** Pages for the platform's administrators (role "admin"); the API checks again on every call. */
export function RequireAdmin({ children }: { children?: ReactNode }) {
  const { user } = useSession();
  return (
    <RequireAuth>{user && !user.roles.includes('admin') ? <AdminsOnly /> : (children ?? <Outlet />)}</RequireAuth>
  );
}
