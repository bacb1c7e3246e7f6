import type { Role } from '@compact-voices/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../hooks/use-session';
import { useModeratedRounds } from '../../features/moderation/api/get-moderated-rounds';
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
  return <RequireAuth>{user && !user.roles.includes('admin') ? <AdminsOnly /> : (children ?? <Outlet />)}</RequireAuth>;
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

/**
 * Moderation pages: whoever holds one of `roles` (by default moderators and admins), or — the
 * secretariat assigns people per round — whoever the API lists as moderating (`via: 'moderates'`)
 * or safeguarding (`via: 'safeguards'`) at least one round. The API checks each call again.
 */
export function RequireModerator({
  children,
  roles = ['moderator', 'admin'],
  via = 'moderates',
}: {
  children?: ReactNode;
  roles?: readonly Role[];
  via?: 'moderates' | 'safeguards';
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const byRole = user ? user.roles.some((role) => roles.includes(role)) : false;
  const rounds = useModeratedRounds({ enabled: Boolean(user) && !byRole });
  const byRound = Boolean(
    rounds.data?.items.some((round) => (via === 'safeguards' ? round.safeguards : round.moderates || round.safeguards)),
  );
  let content: ReactNode = children ?? <Outlet />;
  if (user && !byRole && !byRound) {
    content = rounds.isPending ? (
      <LoadingStatus />
    ) : (
      <RoleRequired
        heading={t('moderation.forbiddenHeading')}
        text={via === 'safeguards' ? t('moderation.safeguardingOnly') : t('moderation.forbiddenText')}
      />
    );
  }
  return <RequireAuth>{content}</RequireAuth>;
}
