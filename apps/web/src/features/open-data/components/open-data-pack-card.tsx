import type { OpenDataPack } from '@compact-voices/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDate } from '../../../lib/format';
import { currentLocale, isolate } from '../../../lib/i18n';

/** Table names the datasets share with exports are translated; any other is shown as the file calls it. */
const KNOWN_TABLES = ['comments', 'ratings', 'official', 'recommendations', 'participation', 'moderation'] as const;
type KnownTable = (typeof KNOWN_TABLES)[number];

function isKnownTable(name: string): name is KnownTable {
  return (KNOWN_TABLES as readonly string[]).includes(name);
}

/** One closed round's pack: plain links (public, direct), size, checksum, and rows per table. */
export function OpenDataPackCard({ pack }: { pack: OpenDataPack }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const id = useId();
  const number = new Intl.NumberFormat(locale);
  const tables = Object.entries(pack.rowCounts ?? {});
  return (
    <li className="card open-data-pack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="item-list__title">
        {pack.title}
      </h2>
      <p className="meta">
        {t('openData.closed', { date: isolate(formatDate(pack.closesAt, locale)) })} ·{' '}
        {t('openData.published', { date: isolate(formatDate(pack.publishedAt, locale)) })}
      </p>
      <ul className="inline-list open-data-pack__links">
        <li>
          <a className="button" href={pack.downloadUrl}>
            {t('openData.download', { size: isolate(formatBytes(pack.sizeBytes, locale)) })}
          </a>
        </li>
        <li>
          <a href={locale === 'en' ? pack.codebookUrl : `${pack.codebookUrl}?locale=${locale}`}>{t('openData.codebook')}</a>
        </li>
      </ul>
      <p className="meta">
        <span className="overflow-anywhere">{pack.fileName}</span>
      </p>
      <dl className="details-list">
        <div>
          <dt>{t('openData.checksum')}</dt>
          <dd>
            <code className="overflow-anywhere" dir="ltr">
              {pack.sha256}
            </code>
            <p className="hint">{t('openData.checksumHint')}</p>
          </dd>
        </div>
      </dl>
      {tables.length > 0 ? (
        <table className="data-table">
          <caption>{t('openData.rowsCaption', { title: isolate(pack.title) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('openData.tableColumn')}</th>
              <th scope="col">{t('openData.rowsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {tables.map(([name, rows]) => (
              <tr key={name}>
                <th scope="row">{isKnownTable(name) ? t(`datasets.${name}`) : name}</th>
                <td>{number.format(rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}
