import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../hooks/use-document-title';
import { ErrorAlert } from './error-alert';
import { PageHeading } from './page-heading';

interface ErrorViewProps {
  error: unknown;
  onRetry?: () => void;
}

/** A whole page that could not be loaded: still one <h1>, a title, and an announced reason. */
export function ErrorView({ error, onRetry }: ErrorViewProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('status.errorHeading'));
  return (
    <>
      <PageHeading>{t('status.errorHeading')}</PageHeading>
      <ErrorAlert error={error} onRetry={onRetry} />
    </>
  );
}
