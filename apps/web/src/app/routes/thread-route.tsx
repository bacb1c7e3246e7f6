import { COMMENT_SORTS, LOCALES, RECOMMENDATION_CODE_PATTERN, type CommentSort, type Country } from '@compact-voices/contracts';
import { Suspense, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { CountryOptions } from '../../components/country-options';
import { ErrorAlert } from '../../components/error-alert';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useMe } from '../../features/account/api/get-me';
import { useSession } from '../../hooks/use-session';
import { CommentRevisions } from '../../features/comments/components/comment-revisions';
import { CommentThread } from '../../features/comments/components/comment-thread';
import { useConsultation } from '../../features/consultations/api/get-consultation';
import { ConsultationBadges } from '../../features/consultations/components/consultation-badges';
import { useCountries } from '../../features/countries/api/get-countries';
import { LiveStatus } from '../../features/live/components/live-status';
import { useRoundModeration } from '../../features/moderation/hooks/use-round-moderation';
import { useLiveThread } from '../../features/live/hooks/use-live-thread';
import { useMyRatings } from '../../features/ratings/api/get-my-ratings';
import { useRatingSummary } from '../../features/ratings/api/get-rating-summary';
import { OfficialAssessmentView } from '../../features/ratings/components/official-assessment-view';
import { RatingSummaryView } from '../../features/ratings/components/rating-summary-view';
import { useGovernmentOrganisation } from '../../features/ratings/hooks/use-government-organisation';
import { useRecommendation } from '../../features/recommendations/api/get-recommendation';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isNotFoundError } from '../../lib/api-client';
import { lazyNamed } from '../../lib/lazy-named';
import { formatDateTime } from '../../lib/format';
import { currentLocale, isolate } from '../../lib/i18n';
import { paths } from '../../lib/paths';
import { useContentLang } from '../../lib/use-content-lang';
import { TranslationNotice } from '../../components/translation-notice';

// Forms and the moderation menu come with the form library and the request schemas: fetched only
// when someone can use them, so a reader's first visit does not download them.
const CommentComposer = lazyNamed(() => import('../../features/comments/components/comment-composer'), 'CommentComposer');
const CommentModerationMenu = lazyNamed(
  () => import('../../features/moderation/components/comment-moderation-menu'),
  'CommentModerationMenu',
);
const OfficialAssessmentForm = lazyNamed(
  () => import('../../features/ratings/components/official-assessment-form'),
  'OfficialAssessmentForm',
);
const RatingForm = lazyNamed(() => import('../../features/ratings/components/rating-form'), 'RatingForm');

const NEW_COMMENT_ID = 'write-comment';
const RATINGS_ID = 'ratings';

function isSort(value: string): value is CommentSort {
  return (COMMENT_SORTS as readonly string[]).includes(value);
}

/**
 * The thread of one recommendation within a round: its text, the live discussion (the comments
 * first, then the box to write one), and the ratings per country. On a phone the first comments are
 * within two screens of the top; "Write a comment" and "Ratings by country" lead further down.
 */
export function ThreadRoute() {
  const { t } = useTranslation();
  const { id = '', code = '' } = useParams();
  const canonical = code.toUpperCase();
  if (!RECOMMENDATION_CODE_PATTERN.test(code)) {
    if (RECOMMENDATION_CODE_PATTERN.test(canonical)) return <Navigate to={paths.thread(id, canonical)} replace />;
    return <NotFoundView heading={t('thread.notFoundHeading')} text={t('thread.notFoundText')} />;
  }
  // A fresh page (cache subscriptions, live connection, forms) for every thread.
  return <ThreadPage key={`${id}/${code}`} consultationId={id} code={code} />;
}

function ThreadPage({ consultationId, code }: { consultationId: string; code: string }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  // Fresh: the email may have been confirmed, a membership accepted, since signing in.
  const me = useMe({ enabled: signedIn });
  const user = signedIn ? (me.data ?? session.user) : null;
  const isAdmin = user?.roles.includes('admin') ?? false;
  // Set only while a suspension of the whole account is in force: read and appeal, nothing else.
  const suspendedUntil = user?.suspendedUntil ?? null;
  const moderation = useRoundModeration(consultationId, { enabled: signedIn });

  const consultation = useConsultation(consultationId);
  const recommendation = useRecommendation(code);
  const contentLang = useContentLang(recommendation.data?.language);
  const countries = useCountries();
  const [params, setParams] = useSearchParams();
  const [sort, setSort] = useState<CommentSort>('newest');
  /** '' for every language. */
  const [language, setLanguage] = useState('');
  const [posted, setPosted] = useState('');

  const round = consultation.data;
  const inScope = round?.recommendationCodes.includes(code) ?? false;
  const live = useLiveThread(consultationId, code, { enabled: inScope, refetchSummaries: isAdmin });

  const roundCountries = useMemo<Country[]>(() => {
    if (!round || !countries.data) return [];
    const wanted = new Set(round.countryIso3s);
    return countries.data.items.filter((country) => wanted.has(country.iso3)).sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  }, [round, countries.data, i18n.language]);
  const requested = params.get('country')?.toUpperCase() ?? '';
  const inRound = (iso3: string | null | undefined) => Boolean(iso3 && round?.countryIso3s.includes(iso3));
  // The country asked for in the address, else the person's own (their profile's) when the round
  // covers it, else the round's only country, else none: the person chooses. The first country of
  // the list would be a guess, and a rating given for it by mistake would count for a country the
  // person never meant.
  const only = round?.countryIso3s.length === 1 ? round.countryIso3s[0] : '';
  const selected = inRound(requested) ? requested : inRound(user?.countryIso3) ? user!.countryIso3! : only;
  // Until the session is known, the person's own country may still come.
  const choosing = !selected && session.status !== 'unknown';
  const selectedCountry = roundCountries.find((country) => country.iso3 === selected);
  const selectedName = isolate(selectedCountry?.name ?? selected);

  const canWrite = Boolean(round?.acceptingContributions && user?.emailVerified && !suspendedUntil);
  const summary = useRatingSummary(consultationId, code, selected, { enabled: inScope });
  const mine = useMyRatings(consultationId, code, { enabled: inScope && canWrite });
  const government = useGovernmentOrganisation(selected);

  const composerRef = useRef<HTMLElement>(null);
  const ratingsHeadingRef = useRef<HTMLHeadingElement>(null);
  // Focus instead of a bare #fragment, which would add a history entry to the router (as the skip
  // link does). The comment box itself when it is there: the link says what it is for.
  const handleWriteClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const section = composerRef.current;
    (section?.querySelector<HTMLElement>('textarea') ?? section?.querySelector<HTMLElement>('h3'))?.focus();
  };
  const handleRatingsClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    ratingsHeadingRef.current?.focus();
  };

  const heading = t('recommendation.heading', { code: isolate(code) });
  useDocumentTitle(round && inScope ? t('thread.documentTitle', { code: isolate(code), title: round.title }) : null);

  if (isNotFoundError(consultation.error)) {
    return <NotFoundView heading={t('consultation.notFoundHeading')} text={t('consultation.notFoundText')} />;
  }
  if (consultation.isError) return <ErrorView error={consultation.error} onRetry={() => void consultation.refetch()} />;
  if (!round) return <LoadingStatus />;
  if (!inScope) return <NotFoundView heading={t('thread.notFoundHeading')} text={t('thread.notInRound', { code: isolate(code) })} />;

  const locale = currentLocale(i18n);
  const existingRating = mine.data?.items.find((rating) => rating.countryIso3 === selected);

  let participation: ReactNode = null;
  if (!round.acceptingContributions) {
    participation =
      round.status === 'closed' || round.status === 'archived' ? (
        <p className="notice">{t('thread.closedNotice')}</p>
      ) : (
        <p className="notice">{t('thread.notYetOpen', { date: formatDateTime(round.opensAt, locale) })}</p>
      );
  } else if (session.status === 'signed-out') {
    participation = (
      <p className="notice">
        {t('thread.signedOutText')} <Link to={paths.signIn(`${location.pathname}${location.search}`)}>{t('thread.signInLink')}</Link>{' '}
        {t('thread.orSignUp')} <Link to={paths.signUp()}>{t('thread.signUpLink')}</Link>
      </p>
    );
  } else if (suspendedUntil) {
    participation = (
      <p className="notice">
        {t('thread.suspendedText', { date: formatDateTime(suspendedUntil, locale) })}{' '}
        <Link to={paths.notifications()}>{t('thread.suspendedLink')}</Link>
      </p>
    );
  } else if (user && !user.emailVerified) {
    participation = (
      <p className="notice">
        {t('thread.verifyEmailText')} <Link to={paths.resendVerification()}>{t('thread.resendLink')}</Link>
      </p>
    );
  }

  return (
    <article className="thread-page">
      <PageHeading>
        <span className="page-heading__eyebrow">
          <bdi>{round.title}</bdi>
        </span>
        <span className="visually-hidden">: </span>
        {heading}
      </PageHeading>
      <p className="meta">
        <Link to={paths.consultation(round.id)}>{t('thread.backToRound')}</Link>
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        <ConsultationBadges consultation={round} />
      </p>
      {participation}

      <TranslationNotice translation={recommendation.data?.translation} />
      <figure className="recommendation-text">
        <blockquote>
          {recommendation.data ? (
            <p {...contentLang}>{recommendation.data.text}</p>
          ) : recommendation.isError ? (
            <ErrorAlert error={recommendation.error} onRetry={() => void recommendation.refetch()} />
          ) : (
            <LoadingStatus />
          )}
        </blockquote>
        <figcaption className="meta">
          {t('recommendation.source')} · <Link to={paths.recommendation(code)}>{t('thread.recommendationLink')}</Link>
        </figcaption>
      </figure>

      {/* The discussion comes first, as a reader on a phone wants it; these lead to what follows it. */}
      <nav aria-label={t('thread.jumpsLabel')} className="thread-jumps">
        <p className="meta">
          {canWrite ? (
            <>
              <a href={`#${NEW_COMMENT_ID}`} onClick={handleWriteClick}>
                {t('thread.writeLink')}
              </a>
              <span aria-hidden="true"> · </span>
              <span className="visually-hidden">, </span>
            </>
          ) : null}
          <a href={`#${RATINGS_ID}`} onClick={handleRatingsClick}>
            {t('thread.ratingsLink')}
          </a>
        </p>
      </nav>

      <section aria-labelledby="discussion-heading" className="page-section">
        <h2 id="discussion-heading">{t('thread.discussionHeading')}</h2>
        <LiveStatus live={live} />
        <div className="field sort-picker">
          <label htmlFor="comment-sort">{t('thread.sortLabel')}</label>
          <select
            id="comment-sort"
            value={sort}
            onChange={(event) => {
              if (isSort(event.target.value)) setSort(event.target.value);
            }}
          >
            {COMMENT_SORTS.map((option) => (
              <option key={option} value={option}>
                {t(`thread.sort.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field sort-picker">
          <label htmlFor="comment-language">{t('thread.languageLabel')}</label>
          <select id="comment-language" value={language} onChange={(event) => setLanguage(event.target.value)}>
            <option value="">{t('thread.allLanguages')}</option>
            {LOCALES.map((option) => (
              <option key={option.code} value={option.code} lang={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <CommentThread
          consultationId={consultationId}
          code={code}
          sort={sort}
          language={language}
          canWrite={canWrite}
          canFlag={Boolean(user?.emailVerified && !suspendedUntil)}
          countries={countries.data?.items ?? []}
          renderModeration={
            moderation.moderates || moderation.safeguards
              ? (comment, describedBy) => (
                  <Suspense fallback={null}>
                    <CommentModerationMenu
                      comment={comment}
                      describedBy={describedBy}
                      moderates={moderation.moderates}
                      safeguards={moderation.safeguards}
                      awaiting={moderation.awaitingByComment.get(comment.id) ?? null}
                      renderRevisions={() => <CommentRevisions commentId={comment.id} />}
                    />
                  </Suspense>
                )
              : undefined
          }
        />
        {canWrite ? (
          <section id={NEW_COMMENT_ID} ref={composerRef} aria-labelledby="new-comment-heading" className="new-comment">
            <h3 id="new-comment-heading" tabIndex={-1}>
              {t('thread.newCommentHeading')}
            </h3>
            <Suspense fallback={<LoadingStatus />}>
              <CommentComposer
                consultationId={consultationId}
                code={code}
                countries={roundCountries}
                onPosted={(comment) => setPosted(comment.status === 'pending' ? t('composer.sentForModeration') : t('composer.posted'))}
              />
            </Suspense>
            <StatusMessage>{posted}</StatusMessage>
          </section>
        ) : null}
      </section>

      <section id={RATINGS_ID} aria-labelledby="ratings-heading" className="page-section">
        <h2 id="ratings-heading" ref={ratingsHeadingRef} tabIndex={-1}>
          {t('thread.ratingsHeading')}
        </h2>
        <p>{t('thread.ratingsIntro')}</p>
        {roundCountries.length === 0 ? (
          countries.isError ? (
            <ErrorAlert error={countries.error} onRetry={() => void countries.refetch()} />
          ) : countries.data ? (
            <p>{t('thread.noCountries')}</p>
          ) : (
            <LoadingStatus />
          )
        ) : (
          <>
            <div className="field country-picker">
              <label htmlFor="thread-country">{t('thread.countryLabel')}</label>
              <select
                id="thread-country"
                value={selected}
                aria-describedby={choosing ? 'thread-country-prompt' : undefined}
                onChange={(event) => {
                  const next = new URLSearchParams(params);
                  next.set('country', event.target.value);
                  setParams(next, { replace: true });
                }}
              >
                {selected ? null : (
                  <option value="" disabled>
                    {t('thread.chooseCountryOption')}
                  </option>
                )}
                <CountryOptions countries={roundCountries} />
              </select>
            </div>
            {selected ? (
              <>
                <div className="ratings-grid">
                  <section aria-labelledby="summary-heading" className="card">
                    <h3 id="summary-heading">{t('thread.summaryHeading', { country: selectedName })}</h3>
                    {summary.data ? (
                      <RatingSummaryView summary={summary.data} country={selectedName} />
                    ) : summary.isError ? (
                      <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
                    ) : (
                      <LoadingStatus />
                    )}
                  </section>
                  <section aria-labelledby="official-heading" className="card official-card">
                    <h3 id="official-heading">{t('thread.officialHeading')}</h3>
                    {summary.data ? <OfficialAssessmentView official={summary.data.official} country={selectedName} /> : null}
                  </section>
                </div>
                {canWrite ? (
                  <section aria-labelledby="my-rating-heading" className="page-section">
                    <h3 id="my-rating-heading">{t('thread.myRatingHeading', { country: selectedName })}</h3>
                    {mine.isPending ? (
                      <LoadingStatus />
                    ) : (
                      <Suspense fallback={<LoadingStatus />}>
                        <RatingForm
                          // A fresh form per country; saving keeps it (and its "saved" message).
                          key={selected}
                          consultationId={consultationId}
                          code={code}
                          countryIso3={selected}
                          country={selectedName}
                          existing={existingRating}
                        />
                      </Suspense>
                    )}
                  </section>
                ) : null}
                {canWrite && government && summary.data ? (
                  <section aria-labelledby="official-form-heading" className="page-section">
                    <h3 id="official-form-heading">{t('thread.officialFormHeading', { country: selectedName })}</h3>
                    <Suspense fallback={<LoadingStatus />}>
                      <OfficialAssessmentForm
                        key={selected}
                        consultationId={consultationId}
                        code={code}
                        countryIso3={selected}
                        country={selectedName}
                        organisationName={government.name}
                        current={summary.data.official}
                      />
                    </Suspense>
                  </section>
                ) : null}
              </>
            ) : choosing ? (
              <p className="notice" id="thread-country-prompt">
                {t('thread.chooseCountryPrompt')}
              </p>
            ) : (
              <LoadingStatus />
            )}
          </>
        )}
      </section>
    </article>
  );
}
