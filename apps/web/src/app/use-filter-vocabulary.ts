import { useConsultations } from '../features/consultations/api/get-consultations';
import { useCountries } from '../features/countries/api/get-countries';
import type { FilterVocabulary } from '../features/exports/components/filter-fields';
import { useObjectives } from '../features/objectives/api/get-objectives';
import { usePrinciples } from '../features/principles/api/get-principles';
import { useRecommendations } from '../features/recommendations/api/get-recommendations';

/** What the dashboard and export filters choose from: rounds and the catalogue (composed here, as features do not import each other). */
export function useFilterVocabulary(): FilterVocabulary {
  const rounds = useConsultations();
  const principles = usePrinciples();
  const recommendations = useRecommendations();
  const objectives = useObjectives();
  const countries = useCountries();
  return {
    rounds: rounds.data?.items,
    principles: principles.data?.items,
    recommendations: recommendations.data?.items,
    objectives: objectives.data?.items,
    countries: countries.data?.items,
  };
}
