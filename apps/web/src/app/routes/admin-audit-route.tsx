import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useAudit, useVerifyAudit } from '../../features/admin/api/audit';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';

/** The append-only audit log (newest first, paged) and a check of its hash chain. */
export function AdminAuditRoute() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const audit = useAudit();
  const verify = useVerifyAudit();
  useDocumentTitle(t('adminAudit.heading'));
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const result = verify.data;

  return (
    <>
      <PageHeading>{t('adminAudit.heading')}</PageHeading>
      <p className="lead">{t('adminAudit.intro')}</p>
      <p>
        <button
          type="button"
          className="button"
          aria-disabled={verify.isPending || undefined}
          onClick={() => {
            if (!verify.isPending) verify.mutate();
          }}
        >
          {verify.isPending ? t('adminAudit.verifying') : t('adminAudit.verify')}
        </button>
      </p>
      <StatusMessage className={result && !result.ok ? 'warning-text' : undefined}>
        {result
          ? result.ok
            ? t('adminAudit.chainOk', { count: result.entries })
            : t('adminAudit.chainBroken', { count: result.entries, id: result.firstBrokenId ?? '—' })
          : ''}
      </StatusMessage>
      {verify.isError ? <ErrorAlert error={verify.error} /> : null}
      {audit.isError && !audit.data ? <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {audit.isPending ? <LoadingStatus /> : null}
      {audit.data && items.length === 0 ? <p>{t('adminAudit.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="audit-caption">{t('adminAudit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminAudit.id')}</th>
                <th scope="col">{t('adminAudit.at')}</th>
                <th scope="col">{t('adminAudit.actor')}</th>
                <th scope="col">{t('adminAudit.action')}</th>
                <th scope="col">{t('adminAudit.target')}</th>
                <th scope="col">{t('adminAudit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.id}</td>
                  <td>{formatDateTime(entry.at, locale)}</td>
                  <td>{entry.actor ?? t('adminAudit.system')}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.targetType}
                    {entry.targetId ? <span className="meta overflow-anywhere"> {entry.targetId}</span> : null}
                  </td>
                  <td className="overflow-anywhere">
                    <code>{JSON.stringify(entry.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {audit.hasNextPage ? (
        <p className="load-more">
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={audit.isFetchingNextPage || undefined}
            onClick={() => {
              if (!audit.isFetchingNextPage) void audit.fetchNextPage();
            }}
          >
            {audit.isFetchingNextPage ? t('status.loading') : t('adminAudit.older')}
          </button>
        </p>
      ) : null}
    </>
  );
}
