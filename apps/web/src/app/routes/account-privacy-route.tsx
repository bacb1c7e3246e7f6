import { useTranslation } from 'react-i18next';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { useMe } from '../../features/account/api/get-me';
import { PrivacySwitch } from '../../features/account/components/privacy-switch';
import { useDocumentTitle } from '../../hooks/use-document-title';

/** Protected mode, explained in plain words before the switch. */
export function AccountPrivacyRoute() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('privacy.heading'));

  if (me.isError && !me.data) return <ErrorView error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <LoadingStatus />;

  return (
    <>
      <PageHeading>{t('privacy.heading')}</PageHeading>
      <p className="lead">{t('privacy.intro')}</p>
      <PrivacySwitch me={me.data} />

      <section aria-labelledby="privacy-seen-heading" className="page-section prose">
        <h2 id="privacy-seen-heading">{t('privacy.seenHeading')}</h2>
        <p>{t('privacy.seenText')}</p>
        {/* The pseudonym is drawn anew each time protection starts: while it is off, there is none to show yet. */}
        {me.data.privacyMode === 'protected' ? (
          <p className="pseudonym">
            {t('privacy.yourPseudonym')} <bdi className="pseudonym__name">{me.data.pseudonym}</bdi>
          </p>
        ) : (
          <p>{t('privacy.pseudonymWhenOn')}</p>
        )}
      </section>

      <section aria-labelledby="privacy-hidden-heading" className="page-section prose">
        <h2 id="privacy-hidden-heading">{t('privacy.hiddenHeading')}</h2>
        <ul>
          <li>{t('privacy.hiddenName')}</li>
          <li>{t('privacy.hiddenOrganisation')}</li>
          <li>{t('privacy.hiddenCountry')}</li>
        </ul>
        <p>{t('privacy.hiddenFrom')}</p>
        <p className="notice">{t('privacy.governmentModerators')}</p>
        <p>{t('privacy.admins')}</p>
        <p>{t('privacy.organisationAdmins')}</p>
        <p>{t('privacy.email')}</p>
      </section>

      <section aria-labelledby="privacy-public-heading" className="page-section prose">
        <h2 id="privacy-public-heading">{t('privacy.publicHeading')}</h2>
        <p>{t('privacy.publicText')}</p>
      </section>
    </>
  );
}
