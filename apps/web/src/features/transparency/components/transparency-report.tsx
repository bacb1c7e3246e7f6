import { FLAG_REASONS, MODERATION_ACTIONS, type Transparency } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { actionTotals, decisionRows, formatMonth } from '../decision-table';

/**
 * The public moderation counts as tables (the accessible form of any chart): decisions per month by
 * rule and action, appeal outcomes, time to a decision, flags by reason, suspensions. Counts only.
 * Then the audit log's daily heads, for people to keep: a later rewrite of the log would not match them.
 */
export function TransparencyReport({ report }: { report: Transparency }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const number = new Intl.NumberFormat(locale);
  const rows = decisionRows(report.decisions);
  const totals = actionTotals(rows);
  const flags = new Map(report.flags.map((entry) => [entry.reason, entry.count]));

  return (
    <>
      <p className="meta">{t('transparency.generatedAt', { date: formatDateTime(report.generatedAt, locale) })}</p>

      <section aria-labelledby="transparency-decisions" className="page-section">
        <h2 id="transparency-decisions">{t('transparency.decisionsHeading')}</h2>
        {rows.length === 0 ? (
          <p>{t('transparency.noDecisions')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="transparency-decisions-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="transparency-decisions-caption">{t('transparency.decisionsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.month')}</th>
                  <th scope="col">{t('transparency.rule')}</th>
                  {MODERATION_ACTIONS.map((action) => (
                    <th key={action} scope="col">
                      {t(`moderationActions.${action}`)}
                    </th>
                  ))}
                  <th scope="col">{t('transparency.total')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.month}-${row.ruleCode}`}>
                    <th scope="row">{formatMonth(row.month, locale)}</th>
                    <td>{row.ruleCode}</td>
                    {MODERATION_ACTIONS.map((action) => (
                      <td key={action}>{number.format(row.counts[action])}</td>
                    ))}
                    <td>{number.format(row.total)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('transparency.allMonths')}
                  </th>
                  {MODERATION_ACTIONS.map((action) => (
                    <td key={action}>{number.format(totals[action])}</td>
                  ))}
                  <td>{number.format(totals.total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        <p>
          {report.medianHoursToDecision === null
            ? t('transparency.noMedian')
            : t('transparency.median', {
                hours: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(report.medianHoursToDecision),
              })}
        </p>
      </section>

      <section aria-labelledby="transparency-appeals" className="page-section">
        <h2 id="transparency-appeals">{t('transparency.appealsHeading')}</h2>
        <table className="data-table">
          <caption>{t('transparency.appealsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transparency.outcome')}</th>
              <th scope="col">{t('transparency.count')}</th>
            </tr>
          </thead>
          <tbody>
            {(['pending', 'upheld', 'overturned'] as const).map((status) => (
              <tr key={status}>
                <th scope="row">{t(`appealStatus.${status}`)}</th>
                <td>{number.format(report.appeals[status])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="transparency-flags" className="page-section">
        <h2 id="transparency-flags">{t('transparency.flagsHeading')}</h2>
        <table className="data-table">
          <caption>{t('transparency.flagsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transparency.reason')}</th>
              <th scope="col">{t('transparency.count')}</th>
            </tr>
          </thead>
          <tbody>
            {FLAG_REASONS.map((reason) => (
              <tr key={reason}>
                <th scope="row">{t(`flagReasons.${reason}`)}</th>
                <td>{number.format(flags.get(reason) ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="transparency-sanctions" className="page-section">
        <h2 id="transparency-sanctions">{t('transparency.sanctionsHeading')}</h2>
        <p>{t('transparency.sanctions', { count: report.sanctions })}</p>
      </section>

      <section aria-labelledby="transparency-audit" className="page-section">
        <h2 id="transparency-audit">{t('transparency.auditHeading')}</h2>
        <p>{t('transparency.auditIntro')}</p>
        {report.auditHeads.length === 0 ? (
          <p>{t('transparency.auditNone')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="transparency-audit-caption" tabIndex={0}>
            <table className="data-table audit-heads">
              <caption id="transparency-audit-caption">{t('transparency.auditCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('transparency.auditDay')}</th>
                  <th scope="col">{t('transparency.auditPosition')}</th>
                  <th scope="col">{t('transparency.auditMac')}</th>
                </tr>
              </thead>
              <tbody>
                {report.auditHeads.map((head) => (
                  <tr key={head.day}>
                    {/* The ISO day, as the copy people keep should read; the hash stays left-to-right in Urdu too. */}
                    <th scope="row">
                      <time dateTime={head.day} dir="ltr">
                        {head.day}
                      </time>
                    </th>
                    <td>{number.format(head.position)}</td>
                    <td>
                      <code className="audit-heads__mac" dir="ltr" translate="no">
                        {head.mac}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
