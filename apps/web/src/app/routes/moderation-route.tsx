import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../hooks/use-session';
import { useModeratedRounds } from '../../features/moderation/api/get-moderated-rounds';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

/** The moderation console's start: the rounds I moderate with their open work, and the safeguarding queue for that role. */
export function ModerationRoute() {
  const { t } = useTranslation();
  const { user } = useSession();
  const rounds = useModeratedRounds();
  // A global role, or a round the secretariat assigned (moderator or safeguarding officer).
  const moderates =
    Boolean(user?.roles.some((role) => role === 'moderator' || role === 'admin')) ||
    Boolean(rounds.data?.items.some((round) => round.moderates));
  const safeguards = Boolean(user?.roles.includes('safeguarding')) || Boolean(rounds.data?.items.some((round) => round.safeguards));
  useDocumentTitle(t('moderation.heading'));

  return (
    <>
      <PageHeading>{t('moderation.heading')}</PageHeading>
      <p className="lead">{t('moderation.intro')}</p>
      <p>
        <Link to={paths.rules()}>{t('transparency.rulesLink')}</Link>
      </p>
      {safeguards ? (
        <p className="notice">
          <Link to={paths.safeguardingQueue()}>{t('moderation.safeguardingLink')}</Link>
        </p>
      ) : null}
      {moderates ? (
        <section aria-labelledby="moderated-rounds" className="page-section">
          <h2 id="moderated-rounds">{t('moderation.roundsHeading')}</h2>
          {rounds.isError ? <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} /> : null}
          {rounds.isPending ? <LoadingStatus /> : null}
          {rounds.data && rounds.data.items.length === 0 ? <p>{t('moderation.noRounds')}</p> : null}
          {rounds.data && rounds.data.items.length > 0 ? (
            <ul className="item-list" aria-labelledby="moderated-rounds">
              {rounds.data.items.map((round) => (
                <li key={round.consultationId} className="card item-list__item">
                  <h3 className="item-list__heading">
                    <Link to={paths.moderationRound(round.consultationId)}>
                      <bdi>{round.title}</bdi>
                    </Link>
                  </h3>
                  <ul className="inline-list">
                    <li>{t('moderation.queuedCount', { count: round.queued })}</li>
                    <li>{t('moderation.cosignCount', { count: round.awaitingCosign })}</li>
                    <li>{t('moderation.appealsCount', { count: round.pendingAppeals })}</li>
                  </ul>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
