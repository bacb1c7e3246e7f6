import { RECOMMENDATION_CODE_PATTERN } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { OpenRounds, OpenRoundsPointer } from '../../features/consultations/components/open-rounds';
import { usePrinciples } from '../../features/principles/api/get-principles';
import { useRecommendation } from '../../features/recommendations/api/get-recommendation';
import { RecommendationDetail } from '../../features/recommendations/components/recommendation-detail';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isNotFoundError } from '../../lib/api-client';
import { isolate } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import { useContentLang } from '../../lib/use-content-lang';

export function RecommendationRoute() {
  const { t } = useTranslation();
  const contentLang = useContentLang();
  const { code = '' } = useParams();
  const wellFormed = RECOMMENDATION_CODE_PATTERN.test(code);
  const recommendation = useRecommendation(code, { enabled: wellFormed });
  // Only for the principle's title; the page does not wait for it.
  const principles = usePrinciples();
  const heading = t('recommendation.heading', { code: isolate(code) });
  useDocumentTitle(recommendation.data ? heading : null);

  const canonical = code.toUpperCase();
  if (!wellFormed && RECOMMENDATION_CODE_PATTERN.test(canonical)) {
    return <Navigate to={paths.recommendation(canonical)} replace />;
  }
  if (!wellFormed || isNotFoundError(recommendation.error)) {
    return <NotFoundView heading={t('recommendation.notFoundHeading')} text={t('recommendation.notFoundText', { code: isolate(code) })} />;
  }
  if (recommendation.isError) {
    return <ErrorView error={recommendation.error} onRetry={() => void recommendation.refetch()} />;
  }
  if (recommendation.isPending) {
    return <LoadingStatus />;
  }

  const { data } = recommendation;
  const principle = principles.data?.items.find((item) => item.code === data.principleCode);
  return (
    <article className="recommendation-page">
      <PageHeading>{heading}</PageHeading>
      <p className="meta">
        {t('recommendation.principleLabel')}{' '}
        <Link to={paths.principle(data.principleCode)}>
          {principle ? <span {...contentLang}>{principle.title}</span> : <span dir="ltr">{data.principleCode}</span>}
        </Link>
      </p>
      {/* On a phone a long text fills the first screen: this line says at once that the recommendation is open for comment. */}
      <OpenRoundsPointer recommendationCode={data.code} />
      {/* Right under the text, before its note and objectives: the first thing after what a shared link points to. */}
      <RecommendationDetail recommendation={data} afterText={<OpenRounds recommendationCode={data.code} />} />
    </article>
  );
}
