import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { useObjectives } from '../../features/objectives/api/get-objectives';
import { usePrinciples } from '../../features/principles/api/get-principles';
import { useRecommendations } from '../../features/recommendations/api/get-recommendations';
import { RecommendationList } from '../../features/recommendations/components/recommendation-list';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isNotFoundError } from '../../lib/api-client';
import { isolate } from '../../lib/i18n';
import { useContentLang } from '../../lib/use-content-lang';
import { TranslationNotice } from '../../components/translation-notice';

const OBJECTIVE_NUMBER_PATTERN = /^[1-9][0-9]?$/;

export function ObjectiveRoute() {
  const { t } = useTranslation();
  const contentLang = useContentLang();
  const { number: param = '' } = useParams();
  const wellFormed = OBJECTIVE_NUMBER_PATTERN.test(param);
  const number = Number(param);

  const objectives = useObjectives();
  const recommendations = useRecommendations({ objective: number }, { enabled: wellFormed });
  const principles = usePrinciples();

  const objective = objectives.data?.items.find((item) => item.number === number);
  const principleTitles = useMemo(
    () => Object.fromEntries((principles.data?.items ?? []).map((item) => [item.code, item.title])),
    [principles.data],
  );
  const heading = t('objective.heading', { number });
  useDocumentTitle(objective ? heading : null);

  const notFound = <NotFoundView heading={t('objective.notFoundHeading')} text={t('objective.notFoundText', { number: isolate(param) })} />;
  if (!wellFormed) return notFound;
  // The objectives list decides whether the number exists; until it answers, a failed
  // recommendations query (400 for an out-of-range number) is not yet worth showing.
  if (objectives.isPending) return <LoadingStatus />;
  if (objectives.isError) {
    return isNotFoundError(objectives.error) ? notFound : <ErrorView error={objectives.error} onRetry={() => void objectives.refetch()} />;
  }
  if (!objective) return notFound;
  if (recommendations.isError) {
    return isNotFoundError(recommendations.error) ? (
      notFound
    ) : (
      <ErrorView error={recommendations.error} onRetry={() => void recommendations.refetch()} />
    );
  }
  if (!recommendations.data) return <LoadingStatus />;

  const items = [...recommendations.data.items].sort(
    (a, b) => objective.recommendationCodes.indexOf(a.code) - objective.recommendationCodes.indexOf(b.code),
  );
  return (
    <article className="objective-page">
      <PageHeading>
        <span className="page-heading__eyebrow">{heading}</span>
        <span className="visually-hidden">: </span>
        <span {...contentLang}>{objective.title}</span>
      </PageHeading>
      <TranslationNotice translation={objective.translation} />
      <section aria-labelledby="objective-recommendations-heading" className="page-section">
        <h2 id="objective-recommendations-heading">{t('objective.recommendationsHeading')}</h2>
        {items.length === 0 ? (
          <p>{t('objective.noRecommendations')}</p>
        ) : (
          <RecommendationList recommendations={items} principleTitles={principleTitles} />
        )}
      </section>
    </article>
  );
}
