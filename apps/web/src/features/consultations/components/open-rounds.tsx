import type { Consultation } from '@compact-voices/contracts';
import { Fragment, useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { paths } from '../../../lib/paths';
import { useConsultations } from '../api/get-consultations';
import { useCoverage } from '../api/get-coverage';

interface OpenRoundsProps {
  /** On a recommendation's page: only the rounds that discuss it, each leading into its thread. */
  recommendationCode?: string;
}

/** The rounds taking contributions now (that discuss `code`, when given), the one closing first at the top. */
function openRounds(rounds: readonly Consultation[], code: string | undefined): Consultation[] {
  return rounds
    .filter((round) => round.acceptingContributions && (code === undefined || round.recommendationCodes.includes(code)))
    .sort((a, b) => a.closesAt.localeCompare(b.closesAt));
}

/** The section of a recommendation's open rounds, and its heading: the pointer leads there. */
const THREADS_SECTION_ID = 'open-threads';
const THREADS_HEADING_ID = 'open-threads-heading';

function useOpenRounds(recommendationCode: string | undefined) {
  const consultations = useConsultations();
  const rounds = useMemo(() => openRounds(consultations.data?.items ?? [], recommendationCode), [consultations.data, recommendationCode]);
  return { consultations, rounds };
}

/**
 * "Open for comment — Join the discussion" in one line, for the top of a recommendation's page:
 * on a phone its open rounds come after a text that can fill the first screen. Leads into the
 * thread when one round discusses it, else to the rounds (OpenRounds, further down the page).
 * Nothing until the rounds are known, nor when none is open. The same query as OpenRounds: no
 * request of its own.
 */
export function OpenRoundsPointer({ recommendationCode }: { recommendationCode: string }) {
  const { t } = useTranslation();
  const { rounds } = useOpenRounds(recommendationCode);
  if (rounds.length === 0) return null;

  // Focus the section's heading instead of a bare #fragment, which would add a history entry to the router.
  const handleSectionClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(THREADS_HEADING_ID)?.focus();
  };
  const only = rounds.length === 1 ? rounds[0] : null;
  return (
    <p className="notice open-rounds-pointer">
      {t('openRounds.pointer')} <span aria-hidden="true">— </span>
      <span className="visually-hidden">: </span>
      {only ? (
        <Link to={paths.thread(only.id, recommendationCode)}>
          {t('openRounds.join')}
          <span className="visually-hidden">
            : <bdi>{only.title}</bdi>
          </span>
        </Link>
      ) : (
        <a href={`#${THREADS_SECTION_ID}`} onClick={handleSectionClick}>
          {t('openRounds.join')}
        </a>
      )}
    </p>
  );
}

/**
 * "Open for comment now": each round that takes contributions, when it closes, how much has been
 * said, and a "Join the discussion" link into the round (or, on a recommendation's page, into its
 * thread). Renders nothing once it is known that no round is open. Counts are only ever the
 * figures the coverage endpoint publishes (it applies the disclosure rules); until they arrive,
 * or when they fail, the round is shown without them.
 */
export function OpenRounds({ recommendationCode }: OpenRoundsProps) {
  const { t } = useTranslation();
  const { consultations, rounds } = useOpenRounds(recommendationCode);
  const sectionId = recommendationCode ? THREADS_SECTION_ID : undefined;
  const headingId = recommendationCode ? THREADS_HEADING_ID : 'open-rounds-heading';
  const heading = recommendationCode ? t('openRounds.threadHeading') : t('openRounds.heading');

  if (consultations.isError) {
    return (
      <section aria-labelledby={headingId} className="open-rounds">
        <h2 id={headingId}>{heading}</h2>
        <ErrorAlert error={consultations.error} onRetry={() => void consultations.refetch()} />
      </section>
    );
  }
  if (!consultations.data) return <LoadingStatus label={t('openRounds.loading')} />;
  if (rounds.length === 0) return null;

  return (
    <section id={sectionId} aria-labelledby={headingId} className="open-rounds">
      <h2 id={headingId} tabIndex={-1}>
        {heading}
      </h2>
      <ul className="open-rounds__list">
        {rounds.map((round) => (
          <OpenRound key={round.id} round={round} recommendationCode={recommendationCode} />
        ))}
      </ul>
    </section>
  );
}

interface OpenRoundProps {
  round: Consultation;
  recommendationCode: string | undefined;
}

function OpenRound({ round, recommendationCode }: OpenRoundProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  // Shared with the round's own page, which shows the same figures.
  const coverage = useCoverage(round.id).data?.items;
  const counts: Array<{ key: string; text: string }> = [];
  if (coverage && recommendationCode) {
    const thread = coverage.find((item) => item.recommendationCode === recommendationCode);
    if (thread) {
      counts.push(
        { key: 'comments', text: t('openRounds.threadComments', { count: thread.comments }) },
        { key: 'raters', text: t('openRounds.threadRaters', { count: thread.raters }) },
      );
    }
  } else if (coverage) {
    const comments = coverage.reduce((sum, item) => sum + item.comments, 0);
    counts.push({ key: 'comments', text: t('openRounds.roundComments', { count: comments }) });
  }

  return (
    <li className="card open-rounds__item">
      <h3 className="open-rounds__title">
        <Link to={paths.consultation(round.id)}>
          <bdi>{round.title}</bdi>
        </Link>
      </h3>
      <p className="meta open-rounds__facts">
        <span className="open-rounds__fact">
          {t('consultations.closes')} <time dateTime={round.closesAt}>{formatDateTime(round.closesAt, locale)}</time>
        </span>
        {counts.map(({ key, text }) => (
          <Fragment key={key}>
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">, </span>
            <span className="open-rounds__fact">{text}</span>
          </Fragment>
        ))}
      </p>
      <p className="open-rounds__action">
        {/* The visible words are the same for every round; the hidden title makes each link's name its own. */}
        <Link to={recommendationCode ? paths.thread(round.id, recommendationCode) : paths.consultation(round.id)} className="button">
          {t('openRounds.join')}
          <span className="visually-hidden">
            : <bdi>{round.title}</bdi>
          </span>
        </Link>
      </p>
    </li>
  );
}
