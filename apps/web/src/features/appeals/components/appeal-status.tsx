import type { Appeal } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { DecisionSummary } from './decision-summary';

/** Where an appeal stands: pending, or upheld / overturned with the second moderator's reason. */
export function AppealStatus({ appeal }: { appeal: Appeal }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <>
      <p className="notice" role="status">
        <strong>{t('appeals.statusLabel')}</strong> {t(`appealStatus.${appeal.status}`)}
        {appeal.status === 'pending' ? <> — {t('appeals.pendingExplained')}</> : null}
      </p>
      {appeal.status !== 'pending' ? (
        <section aria-labelledby="appeal-outcome" className="page-section">
          <h2 id="appeal-outcome">{t('appeals.outcomeHeading')}</h2>
          <p>{appeal.status === 'overturned' ? t('appeals.overturnedExplained') : t('appeals.upheldExplained')}</p>
          {appeal.outcomeReason ? (
            <p>
              <strong>{t('appeals.reasonLabel')}</strong> <span dir="auto">{appeal.outcomeReason}</span>
            </p>
          ) : null}
          {appeal.decidedAt ? <p className="meta">{t('appeals.decidedOn', { date: formatDate(appeal.decidedAt, locale) })}</p> : null}
        </section>
      ) : null}
      <section aria-labelledby="appeal-text" className="page-section">
        <h2 id="appeal-text">{t('appeals.yourAppealHeading')}</h2>
        <p className="meta">{t('appeals.sentOn', { date: formatDate(appeal.createdAt, locale) })}</p>
        <p dir="auto" className="overflow-anywhere">
          {appeal.text}
        </p>
      </section>
      <section aria-labelledby="appeal-decision" className="page-section">
        <h2 id="appeal-decision">{t('appeals.decisionHeading')}</h2>
        {appeal.decision ? <DecisionSummary decision={appeal.decision} /> : null}
      </section>
    </>
  );
}
