import { useTranslation } from 'react-i18next';

/**
 * Whether the organisation someone speaks for was confirmed by the secretariat, in words (never by
 * colour alone): beside a comment's author and under a government's official assessment.
 */
export function OrganisationBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return verified ? (
    <span className="badge badge--verified">
      <span aria-hidden="true">✓ </span>
      {t('organisationBadge.verified')}
    </span>
  ) : (
    <span className="badge badge--muted">{t('organisationBadge.unverified')}</span>
  );
}
