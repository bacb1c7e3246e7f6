import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useVerifyEmail } from '../../features/auth/api/verify-email';
import { isBadLinkError } from '../../features/auth/bad-link';
import { useHashToken } from '../../features/auth/hooks/use-hash-token';
import { useSession } from '../../hooks/use-session';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

/** Opened from the verification mail (`/verify-email#token=…`): confirms the address at once. */
export function VerifyEmailRoute() {
  const { t } = useTranslation();
  const token = useHashToken();
  const verify = useVerifyEmail(token);
  const { status } = useSession();
  const invalid = isBadLinkError(verify.error);

  let heading: string;
  if (!token) heading = t('verifyEmail.noTokenHeading');
  else if (verify.isSuccess) heading = t('verifyEmail.doneHeading');
  else if (invalid) heading = t('verifyEmail.invalidHeading');
  else if (verify.isError) heading = t('verifyEmail.failedHeading');
  else heading = t('verifyEmail.pendingHeading');
  useDocumentTitle(heading);

  return (
    <div className="narrow">
      <PageHeading>{heading}</PageHeading>
      <StatusMessage>{verify.isSuccess ? t('verifyEmail.doneText') : ''}</StatusMessage>
      {!token ? (
        <>
          <p>{t('verifyEmail.noTokenText')}</p>
          <p>
            <Link to={paths.resendVerification()}>{t('verifyEmail.resendLink')}</Link>
          </p>
        </>
      ) : verify.isSuccess ? (
        <p>
          {status === 'signed-in' ? (
            <Link to={paths.account()}>{t('verifyEmail.accountLink')}</Link>
          ) : (
            <Link to={paths.signIn()} className="button">
              {t('verifyEmail.signInLink')}
            </Link>
          )}
        </p>
      ) : invalid ? (
        <>
          <p>{t('verifyEmail.invalidText')}</p>
          <p>
            <Link to={paths.signIn()}>{t('verifyEmail.signInLink')}</Link>
          </p>
          <p>
            <Link to={paths.resendVerification()}>{t('verifyEmail.resendLink')}</Link>
          </p>
        </>
      ) : verify.isError ? (
        <ErrorAlert error={verify.error} onRetry={() => void verify.refetch()} />
      ) : (
        <LoadingStatus />
      )}
    </div>
  );
}
