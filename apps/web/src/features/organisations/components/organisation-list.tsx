import type { Country, Organisation } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName } from '../../../components/country-options';
import { paths } from '../../../lib/paths';
import { VerifiedBadge } from './verified-badge';

interface OrganisationListProps {
  organisations: readonly Organisation[];
  countries?: readonly Country[];
}

export function OrganisationList({ organisations, countries }: OrganisationListProps) {
  const { t } = useTranslation();
  return (
    <ul className="item-list">
      {organisations.map((organisation) => (
        <li key={organisation.id} className="card item-list__item">
          <p className="item-list__title">
            <Link to={paths.organisation(organisation.id)}>
              <bdi>{organisation.name}</bdi>
            </Link>{' '}
            <VerifiedBadge verified={organisation.verified} />
          </p>
          <p className="meta">
            {t(`stakeholderTypes.${organisation.stakeholderType}`)}
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">, </span>
            <span>{countryName(countries, organisation.countryIso3)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
