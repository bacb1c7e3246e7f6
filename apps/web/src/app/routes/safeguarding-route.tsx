import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { useCountries } from '../../features/countries/api/get-countries';
import { QueueView } from '../../features/moderation/components/queue-view';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** Comments reported as putting someone at risk: the safeguarding role only; every view is audit-logged. */
export function SafeguardingRoute() {
  const { t } = useTranslation();
  const countries = useCountries();
  useDocumentTitle(t('moderation.safeguardingHeading'));
  const countryName = useCallback(
    (iso3: string) => countries.data?.items.find((country) => country.iso3 === iso3)?.name ?? iso3,
    [countries.data],
  );
  return (
    <>
      <PageHeading>{t('moderation.safeguardingHeading')}</PageHeading>
      <p className="notice" role="note">
        <strong>{t('moderation.auditBanner')}</strong>
      </p>
      <p>{t('moderation.safeguardingIntro')}</p>
      <h2 id="safeguarding-queue">{t('moderation.tabs.queue')}</h2>
      <QueueView source={{ kind: 'safeguarding' }} countryName={countryName} headingId="safeguarding-queue" />
    </>
  );
}
