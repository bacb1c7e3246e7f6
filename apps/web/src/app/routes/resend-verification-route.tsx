import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useResendVerification } from '../../features/auth/api/resend-verification';
import { EmailRequestForm } from '../../features/auth/components/email-request-form';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isolate } from '../../lib/i18n';
import { paths } from '../../lib/paths';

function emailFromState(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'email' in state && typeof state.email === 'string') return state.email;
  return '';
}

export function ResendVerificationRoute() {
  const { t } = useTranslation();
  const location = useLocation();
  const resend = useResendVerification();
  const [sentTo, setSentTo] = useState<string | null>(null);
  useDocumentTitle(sentTo ? t('resendVerification.sentHeading') : t('resendVerification.heading'));

  if (sentTo) {
    return (
      <div className="narrow">
        <PageHeading focusOnMount>{t('resendVerification.sentHeading')}</PageHeading>
        <p className="lead">{t('resendVerification.sentText', { email: isolate(sentTo) })}</p>
        <p>
          <Link to={paths.signIn()}>{t('forgotPassword.backToSignIn')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeading>{t('resendVerification.heading')}</PageHeading>
      <p className="lead">{t('resendVerification.intro')}</p>
      <EmailRequestForm
        id="resend-verification"
        initialEmail={emailFromState(location.state)}
        submitLabel={t('resendVerification.submit')}
        submittingLabel={t('form.sending')}
        onSubmit={async (email) => {
          await resend.mutateAsync(email);
          setSentTo(email);
        }}
      />
    </div>
  );
}
