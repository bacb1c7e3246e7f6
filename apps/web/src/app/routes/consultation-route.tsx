import type { RecommendationSummary } from '@compact-voices/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { countryName } from '../../components/country-options';
import { ErrorAlert } from '../../components/error-alert';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { SearchBox } from '../../components/search-box';
import { useSession } from '../../hooks/use-session';
import { useCommentSearch } from '../../features/comments/api/search-comments';
import { useConsultation } from '../../features/consultations/api/get-consultation';
import { useCoverage } from '../../features/consultations/api/get-coverage';
import { ConsultationBadges } from '../../features/consultations/components/consultation-badges';
import { ConsultationDates } from '../../features/consultations/components/consultation-dates';
import { useCountries } from '../../features/countries/api/get-countries';
import { useRecommendations } from '../../features/recommendations/api/get-recommendations';
import { excerpt } from '../../lib/excerpt';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isNotFoundError } from '../../lib/api-client';
import { formatDateTime } from '../../lib/format';
import { currentLocale, isolate } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import { useContentLangOf } from '../../lib/use-content-lang';

/** A round: what it is about, when, how comments are moderated, and a link to each of its threads. */
export function ConsultationRoute() {
  const { t, i18n } = useTranslation();
  const langOf = useContentLangOf();
  const { id = '' } = useParams();
  const { user } = useSession();
  const consultation = useConsultation(id);
  const coverage = useCoverage(id);
  const recommendations = useRecommendations();
  const countries = useCountries();
  // In the address (?q=), so a search is a link, and the form works before the page has hydrated.
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q')?.trim() ?? '';
  const setQuery = (value: string) => setSearchParams(value ? { q: value } : {}, { replace: true });
  const search = useCommentSearch(id, query);
  useDocumentTitle(consultation.data?.title ?? null);

  const byCode = useMemo(
    () => new Map<string, RecommendationSummary>((recommendations.data?.items ?? []).map((item) => [item.code, item])),
    [recommendations.data],
  );
  const coverageByCode = useMemo(
    () => new Map((coverage.data?.items ?? []).map((item) => [item.recommendationCode, item])),
    [coverage.data],
  );

  if (isNotFoundError(consultation.error)) {
    return <NotFoundView heading={t('consultation.notFoundHeading')} text={t('consultation.notFoundText')} />;
  }
  if (consultation.isError) return <ErrorView error={consultation.error} onRetry={() => void consultation.refetch()} />;
  if (!consultation.data) return <LoadingStatus />;

  const data = consultation.data;
  const locale = currentLocale(i18n);
  const countryNames = data.countryIso3s
    .map((iso3) => countryName(countries.data?.items, iso3))
    .sort((a, b) => a.localeCompare(b, i18n.language));
  const results = search.data?.items ?? [];

  return (
    <article className="consultation-page">
      <PageHeading>
        <span className="page-heading__eyebrow">{t('consultation.eyebrow')}</span>
        <span className="visually-hidden">: </span>
        <bdi>{data.title}</bdi>
      </PageHeading>
      <p>
        <ConsultationBadges consultation={data} />
      </p>
      <ConsultationDates consultation={data} />
      {user?.roles.includes('admin') ? (
        <p>
          <Link to={paths.adminEditConsultation(data.id)}>{t('consultation.editLink')}</Link>
        </p>
      ) : null}

      {data.descriptionHtml ? (
        // Server-sanitised HTML rendered from the round's Markdown description.
        <div className="prose consultation-page__description" dir="auto" dangerouslySetInnerHTML={{ __html: data.descriptionHtml }} />
      ) : null}

      <section aria-labelledby="moderation-heading" className="page-section">
        <h2 id="moderation-heading">{t('consultation.moderationHeading')}</h2>
        <p>{data.moderationMode === 'pre' ? t('consultation.moderation.pre') : t('consultation.moderation.post')}</p>
        {!data.acceptingContributions ? (
          <p className="notice">
            {data.status === 'open' || data.status === 'draft'
              ? t('consultation.notYetOpen', { date: formatDateTime(data.opensAt, locale) })
              : t('consultation.closedNotice')}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="recommendations-heading" className="page-section">
        <h2 id="recommendations-heading">{t('consultation.recommendationsHeading', { count: data.recommendationCodes.length })}</h2>
        <p>{t('consultation.recommendationsIntro')}</p>
        {recommendations.isError ? <ErrorAlert error={recommendations.error} onRetry={() => void recommendations.refetch()} /> : null}
        <ul className="recommendation-links">
          {data.recommendationCodes.map((code) => {
            const recommendation = byCode.get(code);
            const taken = coverageByCode.get(code);
            return (
              <li key={code}>
                <Link to={paths.thread(data.id, code)} className="recommendation-links__link">
                  <span className="code-badge" dir="ltr">
                    {code}
                  </span>
                  <span className="visually-hidden">: </span>
                  {recommendation ? (
                    <span className="recommendation-links__text" {...langOf(recommendation.language)}>
                      {excerpt(recommendation.text)}
                    </span>
                  ) : null}
                </Link>
                {taken ? (
                  <p className="meta recommendation-coverage">
                    {t('consultation.coverageRaters', { count: taken.raters })}
                    {taken.raters > 0 ? `, ${t('consultation.coverageCountries', { count: taken.countriesRated })}` : null}
                    <span aria-hidden="true"> · </span>
                    <span className="visually-hidden">; </span>
                    {t('consultation.coverageComments', { count: taken.comments })}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="countries-heading" className="page-section">
        <h2 id="countries-heading">{t('consultation.countriesHeading', { count: data.countryIso3s.length })}</h2>
        {countryNames.length > 0 ? (
          <details className="country-details">
            <summary>{t('consultation.showCountries')}</summary>
            <ul className="inline-list">
              {countryNames.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="comment-search-heading" className="page-section">
        <h2 id="comment-search-heading">{t('consultation.searchHeading')}</h2>
        <SearchBox label={t('consultation.searchLabel')} maxLength={200} initialQuery={query} onSearch={setQuery} />
        <p role="status" className="search-results__status">
          {query === ''
            ? ''
            : search.isFetching
              ? t('status.loading')
              : search.isSuccess
                ? t('consultation.searchCount', { count: results.length })
                : ''}
        </p>
        {search.isError ? <ErrorAlert error={search.error} onRetry={() => void search.refetch()} /> : null}
        {query !== '' && results.length > 0 ? (
          <ul className="item-list" aria-label={t('consultation.searchResultsLabel')}>
            {results.map((comment) => (
              <li key={comment.id} className="card item-list__item">
                <p className="meta">
                  <bdi>{comment.author?.displayName ?? ''}</bdi>
                  <span aria-hidden="true"> · </span>
                  <span className="visually-hidden">, </span>
                  <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale)}</time>
                </p>
                <p dir="auto" lang={comment.language ?? undefined}>
                  {excerpt(comment.body, 40)}
                </p>
                <p>
                  <Link to={paths.thread(data.id, comment.recommendationCode)}>
                    {t('consultation.searchResultLink', { code: isolate(comment.recommendationCode) })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </article>
  );
}
