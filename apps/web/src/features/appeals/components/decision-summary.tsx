import type { ModerationDecision } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { currentLocale, isolate } from '../../../lib/i18n';
import { paths } from '../../../lib/paths';

/** A decision as its author reads it: what was done, under which rule, why, when — and where. */
export function DecisionSummary({ decision }: { decision: ModerationDecision }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  return (
    <dl className="details-list">
      <dt>{t('appeals.decisionLabel')}</dt>
      <dd>{t(`moderationOutcomes.${decision.action}`)}</dd>
      <dt>{t('appeals.ruleLabel')}</dt>
      <dd>
        <Link to={paths.rules(decision.ruleCode)}>
          {isolate(decision.ruleCode)} — {decision.ruleTitle}
        </Link>
      </dd>
      <dt>{t('appeals.reasonLabel')}</dt>
      <dd dir="auto">{decision.reason}</dd>
      <dt>{t('appeals.dateLabel')}</dt>
      <dd>{formatDate(decision.appliedAt ?? decision.decidedAt, locale)}</dd>
      <dt>{t('appeals.commentLabel')}</dt>
      <dd>
        <Link to={paths.thread(decision.consultationId, decision.recommendationCode)}>{t('appeals.threadLink')}</Link>
      </dd>
    </dl>
  );
}
