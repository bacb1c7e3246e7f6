import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** An inline, announced error for a part of the page that failed to load. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-alert">
      <p>{errorMessage(t, error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('status.retry')}
        </button>
      ) : null}
    </div>
  );
}
