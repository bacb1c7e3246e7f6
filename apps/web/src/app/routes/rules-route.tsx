import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useRules } from '../../features/moderation/api/get-rules';
import { HouseRuleList } from '../../features/moderation/components/house-rule-list';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { currentLocale } from '../../lib/i18n';

/** The published house rules: what every moderation decision cites. Public. */
export function RulesRoute() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const rules = useRules(currentLocale(i18n));
  const target = decodeURIComponent(location.hash.replace(/^#/, ''));
  useDocumentTitle(t('rules.heading'));

  // A link to one rule (a tombstone's "R3"): bring it into view once the rules are there.
  const loaded = Boolean(rules.data);
  useEffect(() => {
    if (!loaded || !target) return;
    const element = document.getElementById(target);
    element?.scrollIntoView?.({ block: 'start' });
  }, [loaded, target]);

  return (
    <>
      <PageHeading>{t('rules.heading')}</PageHeading>
      <p className="lead">{t('rules.intro')}</p>
      <p>{t('rules.dueProcess')}</p>
      {rules.isError ? <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} /> : null}
      {rules.data ? <HouseRuleList rules={rules.data.items} highlighted={target} /> : rules.isPending ? <LoadingStatus /> : null}
    </>
  );
}
