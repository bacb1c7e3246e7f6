import { PRINCIPLE_CODES, type PrincipleCode } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { usePrinciple } from '../../features/principles/api/get-principle';
import { RecommendationList } from '../../features/recommendations/components/recommendation-list';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isNotFoundError } from '../../lib/api-client';
import { isolate } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import { useContentLang } from '../../lib/use-content-lang';
import { TranslationNotice } from '../../components/translation-notice';

function isPrincipleCode(value: string): value is PrincipleCode {
  return (PRINCIPLE_CODES as readonly string[]).includes(value);
}

export function PrincipleRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const known = isPrincipleCode(code);
  const principle = usePrinciple(code, { enabled: known });
  const contentLang = useContentLang(principle.data?.language);
  useDocumentTitle(principle.data?.title ?? null);

  const canonical = code.toUpperCase();
  if (!known && isPrincipleCode(canonical)) {
    return <Navigate to={paths.principle(canonical)} replace />;
  }
  if (!known || isNotFoundError(principle.error)) {
    return <NotFoundView heading={t('principle.notFoundHeading')} text={t('principle.notFoundText', { code: isolate(code) })} />;
  }
  if (principle.isError) {
    return <ErrorView error={principle.error} onRetry={() => void principle.refetch()} />;
  }
  if (principle.isPending) {
    return <LoadingStatus />;
  }

  const { data } = principle;
  return (
    <article className="principle-page">
      <PageHeading>
        <span {...contentLang}>{data.title}</span>
      </PageHeading>
      <p className="meta">
        {t('principle.position', { order: data.order })}
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        {t('principle.recommendationCount', { count: data.recommendations.length })}
      </p>
      <TranslationNotice translation={data.translation} />
      <p className="lead" {...contentLang}>
        {data.description}
      </p>
      <section aria-labelledby="principle-recommendations-heading" className="page-section">
        <h2 id="principle-recommendations-heading">{t('principle.recommendationsHeading')}</h2>
        <RecommendationList recommendations={data.recommendations} />
      </section>
    </article>
  );
}
