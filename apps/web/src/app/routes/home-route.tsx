import type { RecommendationSummary } from '@compact-voices/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { OpenRounds } from '../../features/consultations/components/open-rounds';
import { useObjectives } from '../../features/objectives/api/get-objectives';
import { ObjectiveList } from '../../features/objectives/components/objective-list';
import { usePrinciples } from '../../features/principles/api/get-principles';
import { PrincipleSection } from '../../features/principles/components/principle-section';
import { useRecommendations } from '../../features/recommendations/api/get-recommendations';
import { RecommendationLinkList } from '../../features/recommendations/components/recommendation-link-list';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { TranslationNotice } from '../../components/translation-notice';

function groupByPrinciple(items: readonly RecommendationSummary[]): Map<string, RecommendationSummary[]> {
  const groups = new Map<string, RecommendationSummary[]>();
  for (const item of items) {
    const group = groups.get(item.principleCode) ?? [];
    group.push(item);
    groups.set(item.principleCode, group);
  }
  for (const group of groups.values()) group.sort((a, b) => a.order - b.order);
  return groups;
}

export function HomeRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.documentTitle'));
  const principles = usePrinciples();
  const recommendations = useRecommendations();
  const objectives = useObjectives();

  const byPrinciple = useMemo(() => groupByPrinciple(recommendations.data?.items ?? []), [recommendations.data]);

  const catalogueError = principles.error ?? recommendations.error;
  const handleCatalogueRetry = () => {
    if (principles.isError) void principles.refetch();
    if (recommendations.isError) void recommendations.refetch();
  };

  return (
    <>
      <PageHeading>{t('home.heading')}</PageHeading>
      <p className="lead">{t('home.intro')}</p>
      <TranslationNotice translation={principles.data?.items[0]?.translation} />
      <OpenRounds />

      <section aria-labelledby="principles-heading" className="page-section">
        <h2 id="principles-heading">{t('home.principlesHeading')}</h2>
        {catalogueError ? (
          <ErrorAlert error={catalogueError} onRetry={handleCatalogueRetry} />
        ) : !principles.data || !recommendations.data ? (
          <LoadingStatus />
        ) : (
          <div className="principle-grid">
            {principles.data.items.map((principle) => (
              <PrincipleSection key={principle.code} principle={principle}>
                <RecommendationLinkList recommendations={byPrinciple.get(principle.code) ?? []} label={principle.title} />
              </PrincipleSection>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="objectives-heading" className="page-section">
        <h2 id="objectives-heading">{t('home.objectivesHeading')}</h2>
        <p>{t('home.objectivesIntro')}</p>
        {objectives.isError ? (
          <ErrorAlert error={objectives.error} onRetry={() => void objectives.refetch()} />
        ) : !objectives.data ? (
          <LoadingStatus />
        ) : (
          <ObjectiveList objectives={objectives.data.items} />
        )}
      </section>
    </>
  );
}
