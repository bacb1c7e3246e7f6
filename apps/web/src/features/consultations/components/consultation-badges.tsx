import type { Consultation } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';

/** The round's state as a badge, and "Open for contributions" while writing is allowed. */
export function ConsultationBadges({ consultation }: { consultation: Pick<Consultation, 'status' | 'acceptingContributions'> }) {
  const { t } = useTranslation();
  return (
    <span className="badge-row">
      <span className={`badge badge--status badge--${consultation.status}`}>{t(`consultations.status.${consultation.status}`)}</span>
      {consultation.acceptingContributions ? (
        <span className="badge badge--verified">{t('consultations.acceptingContributions')}</span>
      ) : null}
    </span>
  );
}
