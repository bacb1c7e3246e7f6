import type { RecommendationDetail as RecommendationDetailData } from '@compact-voices/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale, localeDirection } from '../../../lib/i18n';
import { paths } from '../../../lib/paths';
import { useContentLang, useEnglishLang } from '../../../lib/use-content-lang';
import { TranslationNotice } from '../../../components/translation-notice';

interface RecommendationDetailProps {
  recommendation: RecommendationDetailData;
  /** Shown right after the text, before its note and objectives (the route composes other features here). */
  afterText?: ReactNode;
}

const NOTE_ID = 'recommendation-note';
const NOTE_REF_ID = 'recommendation-note-ref';

/** The verbatim text, its footnote (HR-1) and the GCM objectives it is linked to, with why. */
export function RecommendationDetail({ recommendation, afterText }: RecommendationDetailProps) {
  const { t, i18n } = useTranslation();
  const contentLang = useContentLang(recommendation.language);
  // The links between recommendations and objectives are written in English only.
  const englishLang = useEnglishLang();
  const uiLocale = currentLocale(i18n);
  const uiLang = { lang: uiLocale, dir: localeDirection(uiLocale) };

  return (
    <>
      <TranslationNotice translation={recommendation.translation} />
      <figure className="recommendation-text">
        <blockquote>
          <p {...contentLang}>
            {recommendation.text}
            {recommendation.note ? (
              <sup className="note-ref">
                {/* Named "Note 1": the visible "1" must be part of the accessible name (WCAG 2.5.3). */}
                <a href={`#${NOTE_ID}`} id={NOTE_REF_ID} {...uiLang}>
                  <span className="visually-hidden">{t('recommendation.noteMarker')} </span>1
                </a>
              </sup>
            ) : null}
          </p>
        </blockquote>
        <figcaption className="meta">{t('recommendation.source')}</figcaption>
      </figure>
      {afterText}

      {recommendation.note ? (
        <aside id={NOTE_ID} className="note" aria-labelledby={`${NOTE_ID}-heading`}>
          <h2 id={`${NOTE_ID}-heading`} className="note__heading">
            {t('recommendation.noteHeading')}
          </h2>
          {/* lang/dir on the block, so English keeps its own alignment inside an RTL page. */}
          <p className="note__text" {...contentLang}>
            <span className="note__number" aria-hidden="true">
              1
            </span>{' '}
            {recommendation.note}
          </p>
          <p>
            <a href={`#${NOTE_REF_ID}`}>
              {t('recommendation.backToText')}
              <span aria-hidden="true"> ↩</span>
            </a>
          </p>
        </aside>
      ) : null}

      <section className="linked-objectives" aria-labelledby="linked-objectives-heading">
        <h2 id="linked-objectives-heading">{t('recommendation.objectivesHeading')}</h2>
        {recommendation.objectives.length === 0 ? (
          <p>{t('recommendation.noObjectives')}</p>
        ) : (
          <ul className="linked-objectives__list">
            {recommendation.objectives.map((objective) => (
              <li key={objective.number} className="card linked-objectives__item">
                <h3 className="linked-objectives__title">
                  <Link to={paths.objective(objective.number)}>
                    <span className="linked-objectives__number">{t('recommendation.objectiveName', { number: objective.number })}</span>{' '}
                    <span className="linked-objectives__name" {...englishLang}>
                      {objective.title}
                    </span>
                  </Link>
                </h3>
                <p className="linked-objectives__label">{t('recommendation.rationaleLabel')}</p>
                <p className="linked-objectives__rationale" {...englishLang}>
                  {objective.rationale}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
