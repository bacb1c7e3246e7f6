import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { SignUpForm } from '../../features/auth/components/sign-up-form';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isolate } from '../../lib/i18n';
import { paths } from '../../lib/paths';

export function SignUpRoute() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  useDocumentTitle(sentTo ? t('signUp.sentHeading') : t('signUp.heading'));

  if (sentTo) {
    return (
      <div className="narrow">
        <PageHeading focusOnMount>{t('signUp.sentHeading')}</PageHeading>
        <p className="lead">{t('signUp.sentText', { email: isolate(sentTo) })}</p>
        <p>{t('signUp.sentExisting')}</p>
        <p>
          {t('signUp.sentNoMail')}{' '}
          <Link to={paths.resendVerification()} state={{ email: sentTo }}>
            {t('signUp.resendLink')}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeading>{t('signUp.heading')}</PageHeading>
      <p className="lead">{t('signUp.intro')}</p>
      <SignUpForm onSignedUp={setSentTo} />
      <p className="after-form">
        {t('signUp.haveAccount')} <Link to={paths.signIn()}>{t('auth.signIn')}</Link>
      </p>
    </div>
  );
}
