import type { RecommendationSummary } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isolate } from '../../../lib/i18n';
import { paths } from '../../../lib/paths';
import { useContentLangOf } from '../../../lib/use-content-lang';

interface RecommendationListProps {
  recommendations: readonly RecommendationSummary[];
  /** Principle titles by code; when given, each item names its principle. */
  principleTitles?: Readonly<Record<string, string>>;
}

/** Full-text list: a link per recommendation followed by its complete text. */
export function RecommendationList({ recommendations, principleTitles }: RecommendationListProps) {
  const { t } = useTranslation();
  const langOf = useContentLangOf();
  return (
    <ol className="recommendation-list">
      {recommendations.map((recommendation) => {
        const principleTitle = principleTitles?.[recommendation.principleCode];
        return (
          <li key={recommendation.code} className="recommendation-list__item">
            <p className="recommendation-list__heading">
              <Link to={paths.recommendation(recommendation.code)} className="recommendation-list__link">
                {t('recommendation.heading', { code: isolate(recommendation.code) })}
              </Link>
              {principleTitle ? (
                <span className="meta">
                  <span aria-hidden="true"> · </span>
                  <span className="visually-hidden">, </span>
                  <span {...langOf()}>{principleTitle}</span>
                </span>
              ) : null}
            </p>
            <p className="recommendation-list__text" {...langOf(recommendation.language)}>
              {recommendation.text}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
