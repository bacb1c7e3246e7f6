import type { PrincipleSummary } from '@compact-voices/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { useContentLang } from '../../../lib/use-content-lang';

interface PrincipleSectionProps {
  principle: PrincipleSummary;
  /** What to list under the principle, usually its recommendations. */
  children?: ReactNode;
}

/** One guiding principle as a card on the overview page, headed by a link to its own page. */
export function PrincipleSection({ principle, children }: PrincipleSectionProps) {
  const { t } = useTranslation();
  const contentLang = useContentLang(principle.language);
  const headingId = `principle-${principle.code}`;
  return (
    <section className="card principle-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="principle-section__title">
        <Link to={paths.principle(principle.code)} {...contentLang}>
          {principle.title}
        </Link>
      </h3>
      <p className="meta">
        {t('principle.position', { order: principle.order })}
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        {t('principle.recommendationCount', { count: principle.recommendationCount })}
      </p>
      <p className="principle-section__description" {...contentLang}>
        {principle.description}
      </p>
      {children}
    </section>
  );
}
