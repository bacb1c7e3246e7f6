import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useSessions } from '../../features/account/api/get-sessions';
import { SessionList } from '../../features/account/components/session-list';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function AccountSessionsRoute() {
  const { t } = useTranslation();
  const sessions = useSessions();
  useDocumentTitle(t('sessions.heading'));

  return (
    <>
      <PageHeading>{t('sessions.heading')}</PageHeading>
      <p className="lead">{t('sessions.intro')}</p>
      {sessions.isError ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : !sessions.data ? (
        <LoadingStatus />
      ) : (
        <SessionList sessions={sessions.data.items} />
      )}
    </>
  );
}
