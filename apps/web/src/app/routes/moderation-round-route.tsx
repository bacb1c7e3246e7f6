import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { useConsultation } from '../../features/consultations/api/get-consultation';
import { useCountries } from '../../features/countries/api/get-countries';
import { AppealsPanel } from '../../features/moderation/components/appeals-panel';
import { DecisionHistory } from '../../features/moderation/components/decision-history';
import { QueueView } from '../../features/moderation/components/queue-view';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isNotFoundError } from '../../lib/api-client';
import { paths } from '../../lib/paths';

const TABS = ['queue', 'appeals', 'decisions'] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return (TABS as readonly (string | null)[]).includes(value);
}

/** One round's moderation: its queue, its appeals and its decision history (`?tab=`). */
export function ModerationRoundRoute() {
  const { t } = useTranslation();
  const { consultationId = '' } = useParams();
  const [params] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'queue';
  const consultation = useConsultation(consultationId);
  const countries = useCountries();
  const title = consultation.data?.title ?? '';
  useDocumentTitle(consultation.data ? t('moderation.roundDocumentTitle', { title, tab: t(`moderation.tabs.${tab}`) }) : null);

  const countryName = useCallback(
    (iso3: string) => countries.data?.items.find((country) => country.iso3 === iso3)?.name ?? iso3,
    [countries.data],
  );

  if (isNotFoundError(consultation.error))
    return <NotFoundView heading={t('consultation.notFoundHeading')} text={t('consultation.notFoundText')} />;
  if (consultation.isError) return <ErrorView error={consultation.error} onRetry={() => void consultation.refetch()} />;
  if (!consultation.data) return <LoadingStatus />;

  const tabLink = (name: Tab) => `${paths.moderationRound(consultationId)}${name === 'queue' ? '' : `?tab=${name}`}`;
  return (
    <>
      <PageHeading>
        <span className="page-heading__eyebrow">{t('moderation.heading')}</span>
        <span className="visually-hidden">: </span>
        <bdi>{title}</bdi>
      </PageHeading>
      <p className="meta">
        <Link to={paths.moderation()}>{t('moderation.backToRounds')}</Link>
      </p>
      <nav aria-label={t('moderation.tabsLabel')} className="tabs-nav">
        <ul>
          {TABS.map((name) => (
            <li key={name}>
              <Link to={tabLink(name)} aria-current={tab === name ? 'page' : undefined} replace>
                {t(`moderation.tabs.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="moderation-tab-heading">
        <h2 id="moderation-tab-heading">{t(`moderation.tabs.${tab}`)}</h2>
        {tab === 'queue' ? (
          <QueueView source={{ kind: 'round', consultationId }} canSuspend countryName={countryName} headingId="moderation-tab-heading" />
        ) : tab === 'appeals' ? (
          <AppealsPanel consultationId={consultationId} />
        ) : (
          <DecisionHistory consultationId={consultationId} />
        )}
      </section>
    </>
  );
}
