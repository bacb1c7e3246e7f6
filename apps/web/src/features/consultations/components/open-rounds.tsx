import type { Consultation } from '@compact-voices/contracts';
import { Fragment, useMemo } from 'react';
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

/**
 * "Open for comment now": each round that takes contributions, when it closes, how much has been
 * said, and a "Join the discussion" link into the round (or, on a recommendation's page, into its
 * thread). Renders nothing once it is known that no round is open. Counts are only ever the
 * figures the coverage endpoint publishes (it applies the disclosure rules); until they arrive,
 * or when they fail, the round is shown without them.
 */
export function OpenRounds({ recommendationCode }: OpenRoundsProps) {
  const { t } = useTranslation();
  const consultations = useConsultations();
  const rounds = useMemo(() => openRounds(consultations.data?.items ?? [], recommendationCode), [consultations.data, recommendationCode]);
  const headingId = recommendationCode ? 'open-threads-heading' : 'open-rounds-heading';
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
    <section aria-labelledby={headingId} className="open-rounds">
      <h2 id={headingId}>{heading}</h2>
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
