import type { OfficialAssessment } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { OrganisationBadge } from '../../../components/organisation-badge';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { useScaleLabel } from '../../../lib/rating-scale';

/**
 * The government's own status for its country, shown beside what participants say (two tracks).
 * `country`: the country's name, bidi-isolated (lib/i18n isolate()).
 */
export function OfficialAssessmentView({ official, country }: { official: OfficialAssessment | null; country: string }) {
  const { t, i18n } = useTranslation();
  const scaleLabel = useScaleLabel();
  if (!official) return <p>{t('ratings.officialNone', { country })}</p>;
  return (
    <div className="official">
      <p className="official__score">{t('ratings.officialScore', { value: official.score, label: scaleLabel(official.score) })}</p>
      {official.narrative ? (
        <p className="official__narrative" dir="auto">
          {official.narrative}
        </p>
      ) : null}
      <p className="meta">
        {official.organisation ? (
          <>
            {t('ratings.officialBy')} <bdi>{official.organisation.name}</bdi>{' '}
            <OrganisationBadge verified={official.organisation.verified} />
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">, </span>
          </>
        ) : null}
        {t('ratings.officialUpdated', { date: formatDateTime(official.updatedAt, currentLocale(i18n)) })}
      </p>
    </div>
  );
}
