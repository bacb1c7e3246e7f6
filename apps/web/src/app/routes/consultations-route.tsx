import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../hooks/use-session';
import { useConsultations } from '../../features/consultations/api/get-consultations';
import { ConsultationList } from '../../features/consultations/components/consultation-list';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

/** Every consultation round (drafts too, for admins), latest opening first. */
export function ConsultationsRoute() {
  const { t } = useTranslation();
  const { user } = useSession();
  const consultations = useConsultations();
  useDocumentTitle(t('consultations.heading'));
  const items = consultations.data?.items ?? [];

  return (
    <>
      <PageHeading>{t('consultations.heading')}</PageHeading>
      <p className="lead">{t('consultations.intro')}</p>
      {user?.roles.includes('admin') ? (
        <p>
          <Link to={paths.adminConsultations()}>{t('consultations.manageLink')}</Link>
        </p>
      ) : null}
      {consultations.isError ? (
        <ErrorAlert error={consultations.error} onRetry={() => void consultations.refetch()} />
      ) : !consultations.data ? (
        <LoadingStatus />
      ) : items.length === 0 ? (
        <p>{t('consultations.none')}</p>
      ) : (
        <ConsultationList consultations={items} />
      )}
    </>
  );
}
