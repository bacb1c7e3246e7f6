import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { DeleteAccountForm } from '../../features/account/components/delete-account-form';
import { ExportData } from '../../features/account/components/export-data';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { authSession } from '../../lib/auth-session';
import { paths } from '../../lib/paths';

export function AccountDataRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('data.heading'));

  // Leave first, then forget the session: this page would otherwise send people to "Sign in".
  const handleDeleted = async () => {
    const userId = authSession.getState().user?.id ?? null;
    await navigate(paths.accountDeleted(), { replace: true });
    authSession.clear();
    // The account is gone: so are its unsent writes, drafts and cached threads on this device.
    await import('../../lib/offline/forget-offline-data').then(({ forgetOfflineData }) => forgetOfflineData(userId)).catch(() => undefined);
  };

  return (
    <>
      <PageHeading>{t('data.heading')}</PageHeading>
      <section aria-labelledby="data-export-heading" className="page-section">
        <h2 id="data-export-heading">{t('data.exportHeading')}</h2>
        <ExportData />
      </section>
      <section aria-labelledby="data-delete-heading" className="page-section">
        <h2 id="data-delete-heading">{t('data.deleteHeading')}</h2>
        <DeleteAccountForm onDeleted={handleDeleted} />
      </section>
    </>
  );
}
