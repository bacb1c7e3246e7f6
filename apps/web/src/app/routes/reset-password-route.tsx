import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form';
import { useHashToken } from '../../features/auth/hooks/use-hash-token';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

/** Opened from the reset mail (`/reset-password#token=…`). */
export function ResetPasswordRoute() {
  const { t } = useTranslation();
  const token = useHashToken();
  const [done, setDone] = useState(false);
  const heading = done ? t('resetPassword.doneHeading') : token ? t('resetPassword.heading') : t('resetPassword.noTokenHeading');
  useDocumentTitle(heading);

  return (
    <div className="narrow">
      <PageHeading focusOnMount={done}>{heading}</PageHeading>
      {done ? (
        <>
          <p className="lead">{t('resetPassword.doneText')}</p>
          <p>
            <Link to={paths.signIn()} className="button">
              {t('auth.signIn')}
            </Link>
          </p>
        </>
      ) : token ? (
        <ResetPasswordForm token={token} onDone={() => setDone(true)} />
      ) : (
        <>
          <p>{t('resetPassword.noTokenText')}</p>
          <p>
            <Link to={paths.forgotPassword()}>{t('resetPassword.requestNewLink')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
