import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useOpenData } from '../../features/open-data/api/get-open-data';
import { OpenDataPackCard } from '../../features/open-data/components/open-data-pack-card';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

/** Public: every closed round's published pack, with its codebook, size, checksum and row counts. */
export function OpenDataRoute() {
  const { t } = useTranslation();
  const packs = useOpenData();
  useDocumentTitle(t('openData.heading'));
  return (
    <>
      <PageHeading>{t('openData.heading')}</PageHeading>
      <p className="lead">{t('openData.intro')}</p>
      <p>
        <Link to={paths.dashboard()}>{t('openData.dashboardLink')}</Link>
      </p>
      {packs.isError ? <ErrorAlert error={packs.error} onRetry={() => void packs.refetch()} /> : null}
      {packs.isPending ? <LoadingStatus /> : null}
      {packs.data && packs.data.items.length === 0 ? <p className="notice">{t('openData.none')}</p> : null}
      {packs.data && packs.data.items.length > 0 ? (
        <ul className="item-list">
          {packs.data.items.map((pack) => (
            <OpenDataPackCard key={pack.consultationId} pack={pack} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
