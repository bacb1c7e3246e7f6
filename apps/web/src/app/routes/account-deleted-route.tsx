import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { paths } from '../../lib/paths';

export function AccountDeletedRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('data.deletedHeading'));
  return (
    <div className="narrow">
      <PageHeading>{t('data.deletedHeading')}</PageHeading>
      <p className="lead">{t('data.deletedText')}</p>
      <p>
        <Link to={paths.home()}>{t('notFound.homeLink')}</Link>
      </p>
    </div>
  );
}
