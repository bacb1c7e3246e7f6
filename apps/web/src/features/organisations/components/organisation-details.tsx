import type { Country, Organisation } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../components/country-options';
import { VerifiedBadge } from './verified-badge';

/** Type, country, website and whether the secretariat has verified it. */
export function OrganisationDetails({ organisation, countries }: { organisation: Organisation; countries?: readonly Country[] }) {
  const { t } = useTranslation();
  const website = safeWebsite(organisation.website);
  return (
    <dl className="details-list card">
      <div>
        <dt>{t('organisations.statusLabel')}</dt>
        <dd>
          <VerifiedBadge verified={organisation.verified} />
        </dd>
      </div>
      <div>
        <dt>{t('organisations.typeLabel')}</dt>
        <dd>{t(`stakeholderTypes.${organisation.stakeholderType}`)}</dd>
      </div>
      <div>
        <dt>{t('organisations.countryLabel')}</dt>
        <dd>{countryName(countries, organisation.countryIso3)}</dd>
      </div>
      {website ? (
        <div>
          <dt>{t('organisations.websiteLabel')}</dt>
          <dd>
            <a href={website} rel="noopener noreferrer nofollow external" dir="ltr">
              {website}
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Only http(s) addresses become links; anything else (javascript:…) is not shown. */
function safeWebsite(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
