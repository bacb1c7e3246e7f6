import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useCancelExport } from '../../features/exports/api/cancel-export';
import { ExportForm } from '../../features/exports/components/export-form';
import { ExportJobList } from '../../features/exports/components/export-job-list';
import { useJobName } from '../../features/exports/components/job-name';
import { filtersFromSearchParams } from '../../features/exports/filters';
import { useExportJobs } from '../../features/exports/hooks/use-export-jobs';
import { hasErrorMessage } from '../../lib/error-message';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';
import { useFilterVocabulary } from '../use-filter-vocabulary';

/** The secretariat's exports: start one (with the dashboard's filters, if it came from there), follow it live, download it. */
export function AdminExportsRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const vocabulary = useFilterVocabulary();
  const { list, liveStatus, links, usableLink, markUsed, freshLink, finished } = useExportJobs();
  const cancel = useCancelExport();
  const jobName = useJobName();
  useDocumentTitle(t('exports.heading'));

  const announcement = finished
    ? finished.status === 'done'
      ? t('exports.ready', { name: jobName(finished.job) })
      : finished.status === 'failed'
        ? t('exports.failed', {
            name: jobName(finished.job),
            reason: finished.job.error && hasErrorMessage(finished.job.error) ? t(`errors.${finished.job.error}`) : t('errors.generic'),
          })
        : finished.status === 'cancelled'
          ? t('exports.cancelled', { name: jobName(finished.job) })
          : ''
    : '';
  const jobs = list.data?.items ?? [];
  const polling =
    liveStatus !== 'live' && liveStatus !== 'connecting' && jobs.some((job) => job.status === 'queued' || job.status === 'running');

  return (
    <>
      <PageHeading>{t('exports.heading')}</PageHeading>
      <p className="lead">{t('exports.intro')}</p>
      <p>
        <Link to={paths.openData()}>{t('openData.heading')}</Link>
      </p>
      <ExportForm vocabulary={vocabulary} initialFilters={filtersFromSearchParams(params)} />

      <section className="page-section" aria-labelledby="exports-list-heading">
        <h2 id="exports-list-heading">{t('exports.listHeading')}</h2>
        <StatusMessage>{announcement}</StatusMessage>
        {polling ? <p className="hint">{t('exports.pollingNote')}</p> : null}
        {cancel.isError ? <ErrorAlert error={cancel.error} /> : null}
        {list.isError && !list.data ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isPending ? <LoadingStatus /> : null}
        {list.data && jobs.length === 0 ? <p>{t('exports.none')}</p> : null}
        {jobs.length > 0 ? (
          <ExportJobList
            jobs={jobs}
            links={links}
            usableLink={usableLink}
            markUsed={markUsed}
            freshLink={freshLink}
            onCancel={(id) => cancel.mutate(id)}
            cancellingId={cancel.isPending ? (cancel.variables ?? null) : null}
          />
        ) : null}
      </section>
    </>
  );
}
