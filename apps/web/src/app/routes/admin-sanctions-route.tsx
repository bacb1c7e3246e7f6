import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useLiftSanction, useSanctions } from '../../features/admin/api/sanctions';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { paths } from '../../lib/paths';

/** Suspensions, current and past, with their rule and reason; lift one that is still in force. */
export function AdminSanctionsRoute() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const sanctions = useSanctions();
  const lift = useLiftSanction();
  const [outcome, setOutcome] = useState('');
  useDocumentTitle(t('adminSanctions.heading'));

  return (
    <>
      <PageHeading>{t('adminSanctions.heading')}</PageHeading>
      <p className="lead">{t('adminSanctions.intro')}</p>
      <StatusMessage>{outcome}</StatusMessage>
      {lift.isError ? <ErrorAlert error={lift.error} /> : null}
      {sanctions.isError ? <ErrorAlert error={sanctions.error} onRetry={() => void sanctions.refetch()} /> : null}
      {sanctions.isPending ? <LoadingStatus /> : null}
      {sanctions.data && sanctions.data.items.length === 0 ? <p>{t('adminSanctions.none')}</p> : null}
      {sanctions.data && sanctions.data.items.length > 0 ? (
        <ul className="item-list" aria-label={t('adminSanctions.listLabel')}>
          {sanctions.data.items.map((sanction) => {
            const name = sanction.user?.displayName ?? t('moderation.unknownAuthor');
            const titleId = `sanction-${sanction.id}`;
            const active = sanction.liftedAt === null && Date.parse(sanction.until) > Date.parse(sanction.createdAt);
            return (
              <li key={sanction.id} className="card item-list__item">
                <h2 id={titleId} className="item-list__heading">
                  <bdi>{name}</bdi>
                </h2>
                <p>
                  {sanction.liftedAt
                    ? t('adminSanctions.lifted', { date: formatDateTime(sanction.liftedAt, locale) })
                    : t('adminSanctions.until', { date: formatDateTime(sanction.until, locale) })}
                </p>
                <p>
                  <Link to={paths.rules(sanction.ruleCode)}>{sanction.ruleCode}</Link> · <span dir="auto">{sanction.reason}</span>
                </p>
                <p className="meta">{t('adminSanctions.since', { date: formatDateTime(sanction.createdAt, locale) })}</p>
                {active ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-describedby={titleId}
                    onClick={() => lift.mutate(sanction.id, { onSuccess: () => setOutcome(t('adminSanctions.liftedNow', { name })) })}
                  >
                    {t('adminSanctions.lift')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
