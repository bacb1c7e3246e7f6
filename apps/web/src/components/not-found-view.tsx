import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title';
import { paths } from '../lib/paths';
import { PageHeading } from './page-heading';

interface NotFoundViewProps {
  heading?: string;
  text?: string;
}

export function NotFoundView({ heading, text }: NotFoundViewProps) {
  const { t } = useTranslation();
  const title = heading ?? t('notFound.heading');
  useDocumentTitle(title);
  return (
    <div className="not-found">
      <PageHeading>{title}</PageHeading>
      <p>{text ?? t('notFound.text')}</p>
      <p>
        <Link to={paths.home()}>{t('notFound.homeLink')}</Link>
      </p>
    </div>
  );
}
