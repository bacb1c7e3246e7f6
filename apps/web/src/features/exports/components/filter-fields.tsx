import {
  STAKEHOLDER_TYPE_CODES,
  SUBREGIONS,
  type Consultation,
  type Country,
  type ObjectiveSummary,
  type PrincipleSummary,
  type RecommendationSummary,
  type Subregion,
} from '@compact-voices/contracts';
import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CountryOptions } from '../../../components/country-options';
import { useContentLang } from '../../../lib/use-content-lang';
import { filtersFromSearchParams, type FilterKey, type FilterValues } from '../filters';

/** The lists the filters choose from; each may still be loading (then its select offers "All" only). */
export interface FilterVocabulary {
  rounds?: readonly Consultation[];
  principles?: readonly PrincipleSummary[];
  recommendations?: readonly RecommendationSummary[];
  objectives?: readonly ObjectiveSummary[];
  countries?: readonly Country[];
}

/** Translation keys of the subregions, which the API names in English. */
export const SUBREGION_KEYS: Record<
  Subregion,
  'east-north-east-asia' | 'south-east-asia' | 'south-south-west-asia' | 'north-central-asia' | 'pacific'
> = {
  'East and North-East Asia': 'east-north-east-asia',
  'South-East Asia': 'south-east-asia',
  'South and South-West Asia': 'south-south-west-asia',
  'North and Central Asia': 'north-central-asia',
  Pacific: 'pacific',
};

interface FilterFieldsProps {
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  vocabulary: FilterVocabulary;
  /** Set when the dates are the wrong way round (shown under the end date). */
  dateError?: string | null;
}

/**
 * The filter fields shared by the dashboard and the export form: round, principle,
 * recommendation, objective, country, subregion, stakeholder type and dates. Controlled: the
 * dashboard keeps the values in the address, the export form in its own state. Choosing a
 * principle narrows the recommendations, and a subregion the countries.
 */
export function FilterFields({ values, onChange, vocabulary, dateError }: FilterFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const contentLang = useContentLang();
  const fieldId = (key: FilterKey) => `${id}-${key}`;

  // Every change goes through the same parser as the address bar, so both accept the same values.
  const set = (key: FilterKey) => (event: ChangeEvent<HTMLSelectElement | HTMLInputElement>) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...values, [key]: event.target.value })) {
      if (value !== undefined && value !== '') params.set(name, String(value));
    }
    const next = filtersFromSearchParams(params);
    // A narrower choice that no longer fits the broader one is dropped.
    if (key === 'principle' && next.recommendation && next.principle && !next.recommendation.startsWith(`${next.principle}-`)) {
      delete next.recommendation;
    }
    if (key === 'subregion' && next.country && next.subregion) {
      const country = vocabulary.countries?.find((item) => item.iso3 === next.country);
      if (country && country.subregion !== next.subregion) delete next.country;
    }
    onChange(next);
  };

  const recommendations = (vocabulary.recommendations ?? []).filter((item) => !values.principle || item.principleCode === values.principle);
  const countries = (vocabulary.countries ?? []).filter((item) => !values.subregion || item.subregion === values.subregion);

  return (
    <div className="filter-fields">
      <div className="field">
        <label htmlFor={fieldId('round')}>{t('filters.round')}</label>
        <select id={fieldId('round')} value={values.round ?? ''} onChange={set('round')}>
          <option value="">{t('filters.anyRound')}</option>
          {(vocabulary.rounds ?? []).map((round) => (
            <option key={round.id} value={round.id}>
              {round.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId('principle')}>{t('filters.principle')}</label>
        <select id={fieldId('principle')} value={values.principle ?? ''} onChange={set('principle')}>
          <option value="">{t('filters.anyPrinciple')}</option>
          {(vocabulary.principles ?? []).map((principle) => (
            <option key={principle.code} value={principle.code} {...contentLang}>
              {principle.code} – {principle.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId('recommendation')}>{t('filters.recommendation')}</label>
        <select id={fieldId('recommendation')} value={values.recommendation ?? ''} onChange={set('recommendation')}>
          <option value="">{t('filters.anyRecommendation')}</option>
          {recommendations.map((recommendation) => (
            <option key={recommendation.code} value={recommendation.code} {...contentLang}>
              {recommendation.code}: {shorten(recommendation.text)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId('objective')}>{t('filters.objective')}</label>
        <select id={fieldId('objective')} value={values.objective ?? ''} onChange={set('objective')}>
          <option value="">{t('filters.anyObjective')}</option>
          {(vocabulary.objectives ?? []).map((objective) => (
            <option key={objective.number} value={objective.number} {...contentLang}>
              {t('filters.objectiveOption', { number: objective.number, title: shorten(objective.title) })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId('subregion')}>{t('filters.subregion')}</label>
        <select id={fieldId('subregion')} value={values.subregion ?? ''} onChange={set('subregion')}>
          <option value="">{t('filters.anySubregion')}</option>
          {SUBREGIONS.map((subregion) => (
            <option key={subregion} value={subregion}>
              {t(`filters.subregions.${SUBREGION_KEYS[subregion]}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId('country')}>{t('filters.country')}</label>
        <select id={fieldId('country')} value={values.country ?? ''} onChange={set('country')}>
          <option value="">{t('filters.anyCountry')}</option>
          <CountryOptions countries={countries} />
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId('type')}>{t('filters.type')}</label>
        <select id={fieldId('type')} value={values.type ?? ''} onChange={set('type')}>
          <option value="">{t('filters.anyType')}</option>
          {STAKEHOLDER_TYPE_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`stakeholderTypes.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="filter-fields__dates" aria-describedby={`${id}-dates-hint`}>
        <legend>{t('filters.dates')}</legend>
        <p id={`${id}-dates-hint`} className="hint">
          {t('filters.datesHint')}
        </p>
        <div className="field">
          <label htmlFor={fieldId('from')}>{t('filters.from')}</label>
          <input id={fieldId('from')} type="date" value={values.from ?? ''} max={values.to} onChange={set('from')} />
        </div>
        <div className={dateError ? 'field field--error' : 'field'}>
          <label htmlFor={fieldId('to')}>{t('filters.to')}</label>
          {dateError ? (
            <p id={`${id}-to-error`} className="field__error">
              {dateError}
            </p>
          ) : null}
          <input
            id={fieldId('to')}
            type="date"
            value={values.to ?? ''}
            min={values.from}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? `${id}-to-error` : undefined}
            onChange={set('to')}
          />
        </div>
      </fieldset>
    </div>
  );
}

/** A long catalogue text cut for a <select> option (the full text is on its own page). */
function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The dates are the wrong way round (both set, end before start). */
export function datesReversed(values: FilterValues): boolean {
  return Boolean(values.from && values.to && values.to < values.from);
}

/** Public figures are cut at whole days, a week at least (the API says the same with a 400). */
export const MIN_WINDOW_DAYS = 7;

/** What is wrong with the dates for public figures, as a message key; null when nothing is. */
export function dateProblem(values: FilterValues): 'filters.dateOrder' | 'filters.dateWindow' | null {
  if (datesReversed(values)) return 'filters.dateOrder';
  if (values.from && values.to) {
    // Both ends are whole days, the end day included.
    const days = (Date.parse(values.to) - Date.parse(values.from)) / 86_400_000 + 1;
    if (days < MIN_WINDOW_DAYS) return 'filters.dateWindow';
  }
  return null;
}
