import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeading } from '../../components/page-heading';
import { SearchBox } from '../../components/search-box';
import { useSession } from '../../hooks/use-session';
import { useCountries } from '../../features/countries/api/get-countries';
import { useOrganisations } from '../../features/organisations/api/get-organisations';
import { OrganisationList } from '../../features/organisations/components/organisation-list';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

export function OrganisationsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').slice(0, 100);
  const organisations = useOrganisations(q);
  const countries = useCountries();
  const { status } = useSession();
  useDocumentTitle(t('organisations.heading'));

  const items = organisations.data?.items ?? [];
  const loading = organisations.isPending || organisations.isPlaceholderData;
  let statusText = '';
  if (loading) statusText = t('status.loading');
  else if (organisations.isSuccess)
    statusText = items.length === 0 ? t('organisations.none') : t('organisations.count', { count: items.length });

  const registerPath = paths.newOrganisation();
  return (
    <>
      <PageHeading>{t('organisations.heading')}</PageHeading>
      <p className="lead">{t('organisations.intro')}</p>
      <p>
        <Link to={status === 'signed-in' ? registerPath : paths.signIn(registerPath)} className="button">
          {t('organisations.registerLink')}
        </Link>
      </p>
      <SearchBox
        key={q}
        label={t('organisations.searchLabel')}
        initialQuery={q}
        onSearch={(query) => setParams(query ? { q: query } : {})}
      />
      <section aria-labelledby="organisations-results-heading" className="page-section">
        <h2 id="organisations-results-heading">{t('organisations.resultsHeading')}</h2>
        <p role="status" className="search-results__status">
          {statusText}
        </p>
        {organisations.isError ? (
          <ErrorAlert error={organisations.error} onRetry={() => void organisations.refetch()} />
        ) : items.length > 0 ? (
          <div aria-busy={loading || undefined}>
            <OrganisationList organisations={items} countries={countries.data?.items} />
          </div>
        ) : null}
      </section>
    </>
  );
}
