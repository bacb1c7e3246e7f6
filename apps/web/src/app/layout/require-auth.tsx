import type { Role } from '@compact-voices/contracts';
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

function RoleRequired({ heading, text }: { heading: string; text: string }) {
  const { t } = useTranslation();
  useDocumentTitle(heading);
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <p>{text}</p>
      <p>
        <Link to={paths.home()}>{t('notFound.homeLink')}</Link>
      </p>
    </>
  );
}

/** Moderation pages: moderators and admins (or, for `roles`, whoever holds one of them); the API checks each call again. */
export function RequireModerator({ children, roles = ['moderator', 'admin'] }: { children?: ReactNode; roles?: readonly Role[] }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const allowed = user ? user.roles.some((role) => roles.includes(role)) : false;
  return (
    <RequireAuth>
      {user && !allowed ? (
        <RoleRequired
          heading={t('moderation.forbiddenHeading')}
          text={roles.includes('safeguarding') ? t('moderation.safeguardingOnly') : t('moderation.forbiddenText')}
        />
      ) : (
        (children ?? <Outlet />)
      )}
    </RequireAuth>
  );
}
