import { useTranslation } from 'react-i18next';

export function LoadingStatus({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading-status">
      <span className="loading-status__spinner" aria-hidden="true" />
      {label ?? t('status.loading')}
    </p>
  );
}
