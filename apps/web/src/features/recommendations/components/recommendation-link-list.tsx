import type { RecommendationSummary } from '@compact-voices/contracts';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { useContentLangOf } from '../../../lib/use-content-lang';
import { excerpt } from '../../../lib/excerpt';

interface RecommendationLinkListProps {
  recommendations: readonly RecommendationSummary[];
  /** Accessible name of the list, e.g. the principle it belongs to. */
  label?: string;
}

/** Compact list: each item is one link showing the code and the first words of the text. */
export function RecommendationLinkList({ recommendations, label }: RecommendationLinkListProps) {
  const langOf = useContentLangOf();
  return (
    <ul className="recommendation-links" aria-label={label}>
      {recommendations.map((recommendation) => (
        <li key={recommendation.code}>
          <Link to={paths.recommendation(recommendation.code)} className="recommendation-links__link">
            <span className="code-badge" dir="ltr">
              {recommendation.code}
            </span>
            <span className="visually-hidden">: </span>
            <span className="recommendation-links__text" {...langOf(recommendation.language)}>
              {excerpt(recommendation.text)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
