import type { ExportJob } from '@compact-voices/contracts';
import { useId, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatBytes, formatDateTime } from '../../../lib/format';
import { currentLocale, isolate } from '../../../lib/i18n';
import { hasErrorMessage } from '../../../lib/error-message';
import { countFilters } from '../filters';
import { abbreviateHash, isInFlight, progressPercent } from '../job-cache';
import type { DownloadLink } from '../hooks/use-export-jobs';
import { useJobName } from './job-name';

let navigate = (url: string) => window.location.assign(url);

/** For tests: what following a fresh download link does (jsdom cannot navigate). */
export function setDownloadNavigatorForTests(next: (url: string) => void): void {
  navigate = next;
}

interface ExportJobListProps {
  jobs: readonly ExportJob[];
  usableLink: (id: string) => DownloadLink | null;
  links: Record<string, DownloadLink>;
  markUsed: (id: string) => void;
  freshLink: (id: string) => Promise<string | null>;
  onCancel: (id: string) => void;
  cancellingId: string | null;
}

/** My recent exports, newest first, each with its state, progress and, when done, its download. */
export function ExportJobList({ jobs, ...actions }: ExportJobListProps) {
  return (
    <ul className="item-list export-jobs">
      {jobs.map((job) => (
        <ExportJobItem key={job.id} job={job} {...actions} />
      ))}
    </ul>
  );
}

function ExportJobItem({
  job,
  usableLink,
  links,
  markUsed,
  freshLink,
  onCancel,
  cancellingId,
}: { job: ExportJob } & Omit<ExportJobListProps, 'jobs'>) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const id = useId();
  const jobName = useJobName();
  const [renewing, setRenewing] = useState(false);
  const [renewError, setRenewError] = useState<unknown>(null);
  const percent = progressPercent(job);
  const filterCount = countFilters(job.filters ?? {});
  const held = links[job.id];
  const fileName = job.fileName ?? `${job.dataset}.${job.format}`;

  // A link works once: the first click follows it as a plain link (the browser downloads it
  // with its cookie); a later click, or one after it expired, asks for a fresh link first.
  const handleDownload = (event: MouseEvent<HTMLAnchorElement>) => {
    if (usableLink(job.id)) {
      markUsed(job.id);
      return;
    }
    event.preventDefault();
    if (renewing) return;
    setRenewing(true);
    setRenewError(null);
    freshLink(job.id)
      .then((url) => {
        if (url) {
          markUsed(job.id);
          navigate(url);
        }
      })
      .catch((error: unknown) => setRenewError(error))
      .finally(() => setRenewing(false));
  };

  return (
    <li className="card export-job" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="export-job__name">
        {jobName(job)}
      </h3>
      <p className="badge-row">
        <span className={`badge export-job__status export-job__status--${job.status}`}>{t(`exports.status.${job.status}`)}</span>
        <span className={job.privacy === 'full' ? 'badge badge--warning' : 'badge badge--muted'}>
          {job.privacy === 'full' ? t('exports.privacyBadgeFull') : t('exports.privacyBadgePublic')}
        </span>
      </p>
      {isInFlight(job.status) || job.status === 'done' ? (
        <div className="export-job__progress">
          <progress
            id={`${id}-progress`}
            max={100}
            value={percent}
            aria-labelledby={`${id}-progress-label ${id}-name`}
            aria-valuetext={t('exports.percent', { value: percent })}
          />
          <span id={`${id}-progress-label`} className="visually-hidden">
            {t('exports.progress')}
          </span>
          <span className="export-job__percent">{t('exports.percent', { value: percent })}</span>
        </div>
      ) : null}
      <dl className="details-list export-job__details">
        <div>
          <dt>{t('exports.startedAt')}</dt>
          <dd>{formatDateTime(job.createdAt, locale)}</dd>
        </div>
        {job.finishedAt ? (
          <div>
            <dt>{t('exports.finishedAt')}</dt>
            <dd>{formatDateTime(job.finishedAt, locale)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('exports.filters')}</dt>
          <dd>{filterCount > 0 ? t('filters.active', { count: filterCount }) : t('exports.noFilters')}</dd>
        </div>
        {job.rowCount !== null ? (
          <div>
            <dt>{t('exports.rows')}</dt>
            <dd>{new Intl.NumberFormat(locale).format(job.rowCount)}</dd>
          </div>
        ) : null}
        {job.sizeBytes !== null ? (
          <div>
            <dt>{t('exports.size')}</dt>
            <dd>{formatBytes(job.sizeBytes, locale)}</dd>
          </div>
        ) : null}
        {job.sha256 ? (
          <div>
            <dt>{t('exports.checksum')}</dt>
            <dd>
              <code title={job.sha256} dir="ltr">
                {abbreviateHash(job.sha256)}
              </code>
              <details className="export-job__hash">
                <summary>{t('exports.fullChecksum')}</summary>
                <code className="overflow-anywhere" dir="ltr">
                  {job.sha256}
                </code>
              </details>
            </dd>
          </div>
        ) : null}
      </dl>
      {job.status === 'failed' ? (
        <p className="warning-text">{job.error && hasErrorMessage(job.error) ? t(`errors.${job.error}`) : t('errors.generic')}</p>
      ) : null}
      <div className="form-actions">
        {job.status === 'done' ? (
          <>
            <a
              className="button"
              href={held?.url ?? '#'}
              onClick={handleDownload}
              aria-describedby={`${id}-link-hint`}
              aria-busy={renewing || undefined}
            >
              {t('exports.download', { file: isolate(fileName) })}
            </a>
            <p id={`${id}-link-hint`} className="hint">
              {renewing ? t('exports.gettingLink') : t('exports.linkHint')}
            </p>
          </>
        ) : null}
        {isInFlight(job.status) ? (
          <button
            type="button"
            className="button button--secondary"
            aria-describedby={`${id}-name`}
            aria-disabled={cancellingId === job.id || undefined}
            onClick={() => {
              if (cancellingId !== job.id) onCancel(job.id);
            }}
          >
            {cancellingId === job.id ? t('exports.cancelling') : t('exports.cancel')}
          </button>
        ) : null}
      </div>
      {renewError ? <ErrorAlert error={renewError} /> : null}
    </li>
  );
}
