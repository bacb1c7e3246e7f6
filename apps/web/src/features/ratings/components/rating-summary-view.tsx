import { STAKEHOLDER_TYPE_CODES, type RatingSummary } from '@compact-voices/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, isolate } from '../../../lib/i18n';
import { RATING_CHOICES, useScaleLabel } from '../../../lib/rating-scale';

interface RatingSummaryViewProps {
  summary: RatingSummary;
  /** The country's name, bidi-isolated (lib/i18n isolate()) for the sentences it goes into. */
  country: string;
}

/**
 * What participants said about one country: a bar chart in plain HTML and CSS (hidden from screen
 * readers) with the same numbers as a real table, median and mean, the perception gap in plain
 * words, and the figures per stakeholder type. The public sees published figures only (at least 5
 * people behind each, in batches of 5): the note under them says so, and why.
 */
export function RatingSummaryView({ summary, country }: RatingSummaryViewProps) {
  const { t, i18n } = useTranslation();
  const scaleLabel = useScaleLabel();
  const captionId = useId();
  const locale = currentLocale(i18n);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

  const { distribution } = summary;
  if (!distribution) {
    return (
      <>
        <p className="notice">{t('ratings.suppressed')}</p>
        <PrivacyNote />
      </>
    );
  }

  // "Don't know" is shown only when at least 5 people said it; otherwise its row is left out.
  const rows = RATING_CHOICES.filter((choice) => choice !== 'dontKnow' || distribution.dontKnow !== null).map((choice) => ({
    choice,
    count: distribution[choice] ?? 0,
  }));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const share = (count: number) => (total === 0 ? 0 : count / total);
  const gap = summary.gap;
  const byType = summary.byStakeholderType ?? {};
  const types = STAKEHOLDER_TYPE_CODES.filter((code) => byType[code]);
  // The public gets a count and a median per type, never a mean; admins see every figure.
  const typeMeans = types.some((code) => {
    const cell = byType[code]!;
    return !('suppressed' in cell) && cell.mean !== null;
  });

  const medianText =
    summary.median === null
      ? t('ratings.noScores')
      : Number.isInteger(summary.median)
        ? t('ratings.valueWithLabel', { value: decimal.format(summary.median), label: scaleLabel(summary.median) })
        : decimal.format(summary.median);

  return (
    <div className="rating-summary">
      {summary.suppressed ? <p className="hint">{t('ratings.suppressedAdminNote')}</p> : null}
      <figure className="rating-chart" aria-labelledby={captionId}>
        <figcaption id={captionId} className="rating-chart__caption">
          {t('ratings.chartCaption', { count: total, country })}
        </figcaption>
        {/* The picture; the table below carries the same numbers for everyone. */}
        <div className="rating-chart__bars" aria-hidden="true">
          {rows.map((row) => (
            <div key={row.choice} className="rating-chart__row">
              <span className="rating-chart__label">{scaleLabel(row.choice)}</span>
              <span className="rating-chart__track">
                <span
                  className={`rating-chart__bar bar-w-${Math.round(share(row.count) * 100)}${row.choice === 'dontKnow' ? ' rating-chart__bar--muted' : ''}`}
                />
              </span>
              <span className="rating-chart__value">{row.count}</span>
            </div>
          ))}
        </div>
        <table className="data-table rating-chart__table">
          <caption>{t('ratings.tableCaption', { country })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ratings.levelColumn')}</th>
              <th scope="col">{t('ratings.peopleColumn')}</th>
              <th scope="col">{t('ratings.shareColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.choice}>
                <th scope="row">{scaleLabel(row.choice)}</th>
                <td>{row.count}</td>
                <td>{percent.format(share(row.count))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {distribution.dontKnow === null ? <p className="hint">{t('ratings.dontKnowWithheld')}</p> : null}
      </figure>

      <dl className="details-list">
        <div>
          <dt>{t('ratings.median')}</dt>
          <dd>{medianText}</dd>
        </div>
        <div>
          <dt>{t('ratings.mean')}</dt>
          <dd>{summary.mean === null ? t('ratings.noScores') : decimal.format(summary.mean)}</dd>
        </div>
        <div>
          <dt>{t('ratings.gapLabel')}</dt>
          <dd>
            {gap === null ? (
              <p>{t('ratings.gapUnavailable')}</p>
            ) : (
              <>
                <p>
                  {gap.value > 0
                    ? t('ratings.gapGovernmentHigher', { value: decimal.format(gap.value) })
                    : gap.value < 0
                      ? t('ratings.gapCivilSocietyHigher', { value: decimal.format(-gap.value) })
                      : t('ratings.gapNone')}
                </p>
                <p>{t('ratings.gapInterval', { low: isolate(signed.format(gap.ciLow)), high: isolate(signed.format(gap.ciHigh)) })}</p>
                <p>{gap.ciLow <= 0 && gap.ciHigh >= 0 ? t('ratings.gapMayBeChance') : t('ratings.gapUnlikelyChance')}</p>
              </>
            )}
          </dd>
        </div>
      </dl>

      {types.length > 0 ? (
        <details className="rating-summary__types">
          <summary>{t('ratings.byTypeHeading')}</summary>
          <table className="data-table">
            <caption className="visually-hidden">{t('ratings.byTypeCaption', { country })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ratings.typeColumn')}</th>
                <th scope="col">{t('ratings.peopleColumn')}</th>
                <th scope="col">{t('ratings.median')}</th>
                {typeMeans ? <th scope="col">{t('ratings.mean')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {types.map((code) => {
                const cell = byType[code]!;
                return (
                  <tr key={code}>
                    <th scope="row">{t(`stakeholderTypes.${code}`)}</th>
                    {'suppressed' in cell ? (
                      <td colSpan={typeMeans ? 3 : 2}>{t('ratings.typeSuppressed')}</td>
                    ) : (
                      <>
                        <td>{cell.n}</td>
                        <td>{cell.median === null ? '–' : decimal.format(cell.median)}</td>
                        {typeMeans ? <td>{cell.mean === null ? '–' : decimal.format(cell.mean)}</td> : null}
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {typeMeans ? null : <p className="hint">{t('ratings.typeMedianOnly')}</p>}
        </details>
      ) : null}
      <PrivacyNote />
    </div>
  );
}

/** Why some numbers are missing or move only now and then, in plain words (every page that shows ratings). */
export function PrivacyNote() {
  const { t } = useTranslation();
  return (
    <details className="privacy-note">
      <summary>{t('ratings.privacyHeading')}</summary>
      <p>{t('ratings.privacyExplained')}</p>
    </details>
  );
}
