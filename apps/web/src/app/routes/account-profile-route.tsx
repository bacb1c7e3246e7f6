import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useMe } from '../../features/account/api/get-me';
import { ProfileForm } from '../../features/account/components/profile-form';
import { useCountries } from '../../features/countries/api/get-countries';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function AccountProfileRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const countries = useCountries();
  useDocumentTitle(t('profile.heading'));

  if (me.isError && !me.data) return <ErrorView error={me.error} onRetry={() => void me.refetch()} />;
  if (countries.isError) return <ErrorView error={countries.error} onRetry={() => void countries.refetch()} />;
  if (!me.data || !countries.data) return <LoadingStatus />;

  return (
    <>
      <PageHeading>{t('profile.heading')}</PageHeading>
      <p className="lead">{t('profile.intro')}</p>
      <dl className="details-list card">
        <div>
          <dt>{t('auth.emailLabel')}</dt>
          <dd>
            <span dir="ltr">{me.data.email}</span>
          </dd>
        </div>
        <div>
          <dt>{t('profile.shownAsLabel')}</dt>
          <dd>
            <bdi>{me.data.privacyMode === 'protected' ? me.data.pseudonym : me.data.displayName}</bdi>
            {me.data.privacyMode === 'protected' ? ` (${t('profile.protectedNote')})` : null}
          </dd>
        </div>
      </dl>
      <p className="hint">{t('profile.emailPrivate')}</p>
      <ProfileForm me={me.data} countries={countries.data.items} />
    </>
  );
}
