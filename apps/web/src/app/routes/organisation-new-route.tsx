import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useCountries } from '../../features/countries/api/get-countries';
import { OrganisationForm } from '../../features/organisations/components/organisation-form';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

export function OrganisationNewRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const countries = useCountries();
  useDocumentTitle(t('organisationForm.heading'));

  if (countries.isError) return <ErrorView error={countries.error} onRetry={() => void countries.refetch()} />;
  if (!countries.data) return <LoadingStatus />;
  return (
    <div className="narrow">
      <PageHeading>{t('organisationForm.heading')}</PageHeading>
      <p className="lead">{t('organisationForm.intro')}</p>
      <OrganisationForm countries={countries.data.items} onCreated={(organisation) => void navigate(paths.organisation(organisation.id))} />
    </div>
  );
}
