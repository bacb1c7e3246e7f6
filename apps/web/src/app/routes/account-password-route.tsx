import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { ChangePasswordForm } from '../../features/account/components/change-password-form';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

export function AccountPasswordRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('password.heading'));
  return (
    <>
      <PageHeading>{t('password.heading')}</PageHeading>
      <p className="lead">{t('password.intro')}</p>
      <ChangePasswordForm />
      <p className="after-form">
        <Link to={paths.forgotPassword()}>{t('password.forgotLink')}</Link>
      </p>
    </>
  );
}
