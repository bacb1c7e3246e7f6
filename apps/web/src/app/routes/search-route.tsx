import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeading } from '../../components/page-heading';
import { useObjectives } from '../../features/objectives/api/get-objectives';
import { usePrinciples } from '../../features/principles/api/get-principles';
import { useRecommendations } from '../../features/recommendations/api/get-recommendations';
import { RecommendationList } from '../../features/recommendations/components/recommendation-list';
import { SearchForm } from '../../features/search/components/search-form';
import { criteriaToParams, hasCriteria, useSearchCriteria } from '../../features/search/hooks/use-search-criteria';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isolate } from '../../lib/i18n';

export function SearchRoute() {
  const { t } = useTranslation();
  const [criteria, setCriteria] = useSearchCriteria();
  const active = hasCriteria(criteria);
  const principles = usePrinciples();
  const objectives = useObjectives();
  const results = useRecommendations(criteria, { enabled: active, keepPrevious: true });

  useDocumentTitle(criteria.q ? t('search.documentTitleWithQuery', { query: isolate(criteria.q) }) : t('search.documentTitle'));

  const principleOptions = useMemo(() => principles.data?.items ?? [], [principles.data]);
  const objectiveOptions = useMemo(() => objectives.data?.items ?? [], [objectives.data]);
  const principleTitles = useMemo(() => Object.fromEntries(principleOptions.map((item) => [item.code, item.title])), [principleOptions]);

  const showsResults = active && results.data !== undefined && !results.isError;
  const loading = active && (results.isPending || results.isPlaceholderData || results.isFetching);
  let statusText = '';
  if (!active) statusText = t('search.prompt');
  else if (loading) statusText = t('status.loading');
  else if (showsResults && results.data.items.length === 0) statusText = t('search.noResults');
  else if (showsResults) statusText = t('search.resultCount', { count: results.data.items.length });

  return (
    <>
      <PageHeading>{t('search.heading')}</PageHeading>
      <SearchForm
        key={criteriaToParams(criteria).toString()}
        criteria={criteria}
        principles={principleOptions}
        objectives={objectiveOptions}
        onSearch={setCriteria}
      />
      <section aria-labelledby="search-results-heading" className="page-section search-results">
        <h2 id="search-results-heading">{t('search.resultsHeading')}</h2>
        {/* Always in the page, so screen readers announce each change of its text. */}
        <p role="status" className="search-results__status">
          {statusText}
        </p>
        {active && results.isError ? <ErrorAlert error={results.error} onRetry={() => void results.refetch()} /> : null}
        {showsResults && results.data.items.length > 0 ? (
          <div aria-busy={loading || undefined}>
            <RecommendationList recommendations={results.data.items} principleTitles={principleTitles} />
          </div>
        ) : null}
      </section>
    </>
  );
}
