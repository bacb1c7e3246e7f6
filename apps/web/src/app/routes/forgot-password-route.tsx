import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useRequestPasswordReset } from '../../features/auth/api/request-password-reset';
import { EmailRequestForm } from '../../features/auth/components/email-request-form';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isolate } from '../../lib/i18n';
import { paths } from '../../lib/paths';

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  useDocumentTitle(sentTo ? t('forgotPassword.sentHeading') : t('forgotPassword.heading'));

  if (sentTo) {
    return (
      <div className="narrow">
        <PageHeading focusOnMount>{t('forgotPassword.sentHeading')}</PageHeading>
        <p className="lead">{t('forgotPassword.sentText', { email: isolate(sentTo) })}</p>
        <p>{t('forgotPassword.sentHelp')}</p>
        <p>
          <Link to={paths.signIn()}>{t('forgotPassword.backToSignIn')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeading>{t('forgotPassword.heading')}</PageHeading>
      <p className="lead">{t('forgotPassword.intro')}</p>
      <EmailRequestForm
        id="forgot-password"
        submitLabel={t('forgotPassword.submit')}
        submittingLabel={t('form.sending')}
        onSubmit={async (email) => {
          await request.mutateAsync(email);
          setSentTo(email);
        }}
      />
      <p className="after-form">
        <Link to={paths.signIn()}>{t('forgotPassword.backToSignIn')}</Link>
      </p>
    </div>
  );
}
