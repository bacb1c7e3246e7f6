import type { Consultation } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { ConsultationBadges } from './consultation-badges';
import { ConsultationDates } from './consultation-dates';

/** Each round: its title (a link), state and dates. */
export function ConsultationList({ consultations }: { consultations: readonly Consultation[] }) {
  const { t } = useTranslation();
  return (
    <ul className="item-list" aria-label={t('consultations.listLabel')}>
      {consultations.map((consultation) => (
        <li key={consultation.id} className="card item-list__item">
          <h2 className="item-list__heading">
            <Link to={paths.consultation(consultation.id)}>
              <bdi>{consultation.title}</bdi>
            </Link>
          </h2>
          <p>
            <ConsultationBadges consultation={consultation} />
          </p>
          <ConsultationDates consultation={consultation} />
          <p className="meta">
            {t('consultations.scope', { count: consultation.recommendationCodes.length, countries: consultation.countryIso3s.length })}
          </p>
        </li>
      ))}
    </ul>
  );
}
