import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { paths } from '../../../lib/paths';
import { useDecisions } from '../api/decisions';

/** The round's decisions, newest first, as a table (who, what, rule, reason, status). */
export function DecisionHistory({ consultationId }: { consultationId: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const decisions = useDecisions(consultationId);
  if (decisions.isError) return <ErrorAlert error={decisions.error} onRetry={() => void decisions.refetch()} />;
  if (!decisions.data) return <LoadingStatus />;
  if (decisions.data.items.length === 0) return <p>{t('moderation.noDecisions')}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="decision-history-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="decision-history-caption">{t('moderation.historyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('moderation.historyDate')}</th>
            <th scope="col">{t('moderation.historyAction')}</th>
            <th scope="col">{t('transparency.rule')}</th>
            <th scope="col">{t('moderation.reasonLabel')}</th>
            <th scope="col">{t('moderation.historyBy')}</th>
            <th scope="col">{t('moderation.historyStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {decisions.data.items.map((decision) => (
            <tr key={decision.id}>
              <td>{formatDateTime(decision.decidedAt, locale)}</td>
              <td>{t(`moderationActions.${decision.action}`)}</td>
              <td>
                <Link to={paths.rules(decision.ruleCode)}>{decision.ruleCode}</Link>
              </td>
              <td dir="auto">{decision.reason}</td>
              <td>
                {decision.decidedBy?.displayName ?? '—'}
                {decision.cosignedBy ? ` + ${decision.cosignedBy.displayName}` : ''}
              </td>
              <td>
                {t(`decisionStatus.${decision.status}`)}
                {decision.appeal ? ` · ${t(`appealStatus.${decision.appeal.status}`)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
