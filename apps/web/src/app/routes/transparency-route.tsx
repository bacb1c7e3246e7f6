import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useConsultations } from '../../features/consultations/api/get-consultations';
import { useTransparency } from '../../features/transparency/api/get-transparency';
import { TransparencyReport } from '../../features/transparency/components/transparency-report';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

/** Public moderation counts, for all rounds or one (`?round=<id>`). No person, comment or reason text. */
export function TransparencyRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const roundId = params.get('round') || null;
  const report = useTransparency(roundId);
  const rounds = useConsultations();
  useDocumentTitle(t('transparency.heading'));

  return (
    <>
      <PageHeading>{t('transparency.heading')}</PageHeading>
      <p className="lead">{t('transparency.intro')}</p>
      <p>
        <Link to={paths.rules()}>{t('transparency.rulesLink')}</Link>
      </p>
      {rounds.data && rounds.data.items.length > 0 ? (
        <div className="field">
          <label htmlFor="transparency-round">{t('transparency.roundLabel')}</label>
          <select
            id="transparency-round"
            value={roundId ?? ''}
            onChange={(event) => setParams(event.target.value ? { round: event.target.value } : {}, { replace: true })}
          >
            <option value="">{t('transparency.allRounds')}</option>
            {rounds.data.items.map((round) => (
              <option key={round.id} value={round.id}>
                {round.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {report.isError ? <ErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.data ? <TransparencyReport report={report.data} /> : report.isPending ? <LoadingStatus /> : null}
    </>
  );
}
