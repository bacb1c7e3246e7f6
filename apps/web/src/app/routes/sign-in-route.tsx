import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useSession } from '../../hooks/use-session';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isSafeNextPath, paths } from '../../lib/paths';

export function SignInRoute() {
  const { t } = useTranslation();
  const { status } = useSession();
  const [params] = useSearchParams();
  const next = params.get('next');
  useDocumentTitle(t('signIn.heading'));

  // Signed in (just now, or already): go where the person was heading.
  if (status === 'signed-in') return <Navigate to={isSafeNextPath(next) ? next : paths.account()} replace />;

  return (
    <div className="narrow">
      <PageHeading>{t('signIn.heading')}</PageHeading>
      {next && isSafeNextPath(next) ? <p className="lead">{t('signIn.neededText')}</p> : null}
      <SignInForm />
      <p className="after-form">
        {t('signIn.noAccount')} <Link to={paths.signUp()}>{t('signIn.signUpLink')}</Link>
      </p>
      <p>
        <Link to={paths.resendVerification()}>{t('signIn.noMailLink')}</Link>
      </p>
    </div>
  );
}
