import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { useDecision } from '../../features/appeals/api/get-decision';
import { AppealForm } from '../../features/appeals/components/appeal-form';
import { DecisionSummary } from '../../features/appeals/components/decision-summary';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isApiError } from '../../lib/api-client';
import { formatDate } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { paths } from '../../lib/paths';

/** `/appeals/new?decision=<id>`: appeal a moderation decision on my comment (once, within 14 days). */
export function AppealNewRoute() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const decisionId = params.get('decision') ?? '';
  const decision = useDecision(decisionId);
  // The deadline is compared with the time the page opened (rendering stays pure).
  const [openedAt] = useState(() => Date.now());
  useDocumentTitle(t('appeals.newHeading'));

  if (!decisionId || (isApiError(decision.error) && (decision.error.status === 404 || decision.error.status === 403))) {
    return <NotFoundView heading={t('appeals.decisionNotFoundHeading')} text={t('errors.DECISION_NOT_FOUND')} />;
  }
  if (decision.isError) return <ErrorView error={decision.error} onRetry={() => void decision.refetch()} />;
  if (!decision.data) return <LoadingStatus />;

  const data = decision.data;
  const locale = currentLocale(i18n);
  return (
    <>
      <PageHeading>{t('appeals.newHeading')}</PageHeading>
      <p className="lead">{t('appeals.newIntro')}</p>
      <section aria-labelledby="appeal-decision" className="page-section">
        <h2 id="appeal-decision">{t('appeals.decisionHeading')}</h2>
        <DecisionSummary decision={data} />
      </section>
      {data.appeal ? (
        <p className="notice">
          {t('errors.APPEAL_EXISTS')} <Link to={paths.appeal(data.appeal.id)}>{t('notifications.appealStatusLink')}</Link>
        </p>
      ) : data.appealableUntil && Date.parse(data.appealableUntil) > openedAt ? (
        <section aria-labelledby="appeal-form" className="page-section">
          <h2 id="appeal-form">{t('appeals.formHeading')}</h2>
          <p>{t('appeals.deadline', { date: formatDate(data.appealableUntil, locale) })}</p>
          <AppealForm decisionId={data.id} onAppealed={(appeal) => void navigate(paths.appeal(appeal.id), { state: { sent: true } })} />
        </section>
      ) : (
        <p className="notice">{t('errors.APPEAL_WINDOW_CLOSED')}</p>
      )}
    </>
  );
}
