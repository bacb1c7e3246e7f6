import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useAppeal } from '../../features/appeals/api/get-appeal';
import { AppealStatus } from '../../features/appeals/components/appeal-status';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isApiError } from '../../lib/api-client';

/** `/appeals/<id>`: where my appeal stands, and the second moderator's reason once decided. */
export function AppealRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const sent = (location.state as { sent?: boolean } | null)?.sent === true;
  const appeal = useAppeal(id);
  useDocumentTitle(t('appeals.statusHeading'));

  if (isApiError(appeal.error) && (appeal.error.status === 404 || appeal.error.status === 403)) {
    return <NotFoundView heading={t('appeals.notFoundHeading')} text={t('errors.APPEAL_NOT_FOUND')} />;
  }
  if (appeal.isError) return <ErrorView error={appeal.error} onRetry={() => void appeal.refetch()} />;
  if (!appeal.data) return <LoadingStatus />;

  return (
    <>
      <PageHeading>{t('appeals.statusHeading')}</PageHeading>
      <StatusMessage>{sent ? t('appeals.sent') : ''}</StatusMessage>
      <AppealStatus appeal={appeal.data} />
    </>
  );
}
