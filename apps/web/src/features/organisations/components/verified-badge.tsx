import { useTranslation } from 'react-i18next';

/** Verified or not, in words (never by colour alone). */
export function VerifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return verified ? (
    <span className="badge badge--verified">
      <span aria-hidden="true">✓ </span>
      {t('organisations.verified')}
    </span>
  ) : (
    <span className="badge badge--muted">{t('organisations.notVerified')}</span>
  );
}
