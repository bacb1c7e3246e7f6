import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useCountries } from '../../features/countries/api/get-countries';
import { useOrganisations } from '../../features/organisations/api/get-organisations';
import { VerifyOrganisationButton } from '../../features/organisations/components/verify-organisation-button';
import { countryName } from '../../components/country-options';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

/** Organisations the secretariat has not verified yet, each with its "verify" button. */
export function AdminOrganisationsRoute() {
  const { t } = useTranslation();
  const organisations = useOrganisations('');
  const countries = useCountries();
  const [outcome, setOutcome] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t('adminOrganisations.heading'));

  const waiting = (organisations.data?.items ?? []).filter((organisation) => !organisation.verified);
  let statusText = '';
  if (organisations.isPending) statusText = t('status.loading');
  else if (organisations.isSuccess)
    statusText = waiting.length === 0 ? t('adminOrganisations.none') : t('adminOrganisations.count', { count: waiting.length });

  return (
    <>
      <PageHeading>{t('adminOrganisations.heading')}</PageHeading>
      <p className="lead">{t('adminOrganisations.intro')}</p>
      <p role="status" className="search-results__status">
        {statusText}
      </p>
      <StatusMessage>{outcome}</StatusMessage>
      {organisations.isError ? <ErrorAlert error={organisations.error} onRetry={() => void organisations.refetch()} /> : null}
      <div ref={listRef} tabIndex={-1}>
        {waiting.length > 0 ? (
          <ul className="item-list">
            {waiting.map((organisation) => {
              const nameId = `organisation-${organisation.id}-name`;
              return (
                <li key={organisation.id} className="card item-list__item">
                  <p id={nameId} className="item-list__title">
                    <Link to={paths.organisation(organisation.id)}>
                      <bdi>{organisation.name}</bdi>
                    </Link>
                  </p>
                  <p className="meta">
                    {t(`stakeholderTypes.${organisation.stakeholderType}`)}
                    <span aria-hidden="true"> · </span>
                    <span className="visually-hidden">, </span>
                    {countryName(countries.data?.items, organisation.countryIso3)}
                    {organisation.website ? (
                      <>
                        <span aria-hidden="true"> · </span>
                        <span className="visually-hidden">, </span>
                        <span dir="ltr">{organisation.website}</span>
                      </>
                    ) : null}
                  </p>
                  <VerifyOrganisationButton
                    organisation={organisation}
                    describedBy={nameId}
                    onVerified={(updated) => {
                      setOutcome(t('organisations.verifiedNotice', { name: updated.name }));
                      // Its row leaves the list with the button that was pressed.
                      listRef.current?.focus();
                    }}
                  />
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </>
  );
}
