import {
  EXPORT_DATASETS,
  EXPORTS_PER_USER_IN_FLIGHT,
  type CreateExportRequest,
  type ExportDataset,
  type ExportFormat,
  type ExportJob,
  type ExportPrivacy,
} from '@compact-voices/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { isApiError } from '../../../lib/api-client';
import { IdempotencyKeys } from '../../../lib/idempotency';
import { useCreateExport } from '../api/create-export';
import { formatForDataset, formatsFor, offersBom, toExportFilters, type FilterValues } from '../filters';
import { dateProblem, datesReversed, FilterFields, type FilterVocabulary } from './filter-fields';
import { useJobName } from './job-name';
import { currentLocale } from '../../../lib/i18n';

interface ExportFormProps {
  vocabulary: FilterVocabulary;
  /** Filters to start from (the dashboard's "Export this selection"). */
  initialFilters: FilterValues;
}

/**
 * Choose what to export: dataset, a format it comes in, privacy level (full is explained and
 * audit-logged), the shared filters, and for CSV the byte-order mark. Submitting queues the job,
 * which then appears in the list with its progress.
 */
export function ExportForm({ vocabulary, initialFilters }: ExportFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const jobName = useJobName();
  const create = useCreateExport();
  const [keys] = useState(() => new IdempotencyKeys());
  const [dataset, setDataset] = useState<ExportDataset>('pack');
  const [format, setFormat] = useState<ExportFormat>(formatForDataset('pack', undefined));
  const [privacy, setPrivacy] = useState<ExportPrivacy>('public');
  const [bom, setBom] = useState(true);
  const [publish, setPublish] = useState(false);
  const [filters, setFilters] = useState<FilterValues>(initialFilters);
  const [showDateError, setShowDateError] = useState(false);
  const [started, setStarted] = useState<ExportJob | null>(null);

  const handleDataset = (next: ExportDataset) => {
    setDataset(next);
    setFormat((current) => formatForDataset(next, current));
  };

  // Only a public pack of one (closed) round can go on the open-data page.
  const offersPublish = dataset === 'pack' && privacy === 'public' && Boolean(filters.round);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    if (privacy === 'public' ? dateProblem(filters) : datesReversed(filters)) {
      setShowDateError(true);
      return;
    }
    const request: CreateExportRequest = { dataset, format, privacy, filters: toExportFilters(filters) };
    if (offersBom(format)) request.bom = bom;
    if (offersPublish) request.publish = publish;
    // A pack's README and codebook come in the language of the person who asks for it.
    if (dataset === 'pack') request.locale = currentLocale(i18n);
    setStarted(null);
    create.mutate(
      { request, idempotencyKey: keys.keyFor(request) },
      {
        onSuccess: (job) => {
          keys.settle();
          setStarted(job);
        },
      },
    );
  };

  const tooMany = create.error && isApiError(create.error) && create.error.status === 429;

  return (
    <form className="form export-form" onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('exports.newHeading')}</h2>
      <fieldset className="field radio-group">
        <legend>{t('exports.dataset')}</legend>
        <div className="radio-group__options export-form__datasets">
          {EXPORT_DATASETS.map((value) => (
            <div key={value} className="checkbox">
              <input
                id={`${id}-dataset-${value}`}
                type="radio"
                name={`${id}-dataset`}
                value={value}
                checked={dataset === value}
                onChange={() => handleDataset(value)}
                aria-describedby={`${id}-dataset-${value}-hint`}
              />
              <label htmlFor={`${id}-dataset-${value}`}>{t(`datasets.${value}`)}</label>
              <p id={`${id}-dataset-${value}-hint`} className="hint">
                {t(`datasets.${value}Hint`)}
              </p>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="field radio-group">
        <legend>{t('exports.format')}</legend>
        <div className="radio-group__options">
          {formatsFor(dataset).map((value) => (
            <div key={value} className="checkbox">
              <input
                id={`${id}-format-${value}`}
                type="radio"
                name={`${id}-format`}
                value={value}
                checked={format === value}
                onChange={() => setFormat(value)}
                aria-describedby={`${id}-format-${value}-hint`}
              />
              <label htmlFor={`${id}-format-${value}`}>{t(`exportFormats.${value}`)}</label>
              <p id={`${id}-format-${value}-hint`} className="hint">
                {t(`exportFormats.${value}Hint`)}
              </p>
            </div>
          ))}
        </div>
      </fieldset>

      {offersPublish ? (
        <div className="checkbox field">
          <input
            id={`${id}-publish`}
            type="checkbox"
            checked={publish}
            onChange={(event) => setPublish(event.target.checked)}
            aria-describedby={`${id}-publish-hint`}
          />
          <label htmlFor={`${id}-publish`}>{t('exports.publish')}</label>
          <p id={`${id}-publish-hint`} className="hint">
            {t('exports.publishHint')}
          </p>
        </div>
      ) : null}

      {offersBom(format) ? (
        <div className="checkbox field">
          <input
            id={`${id}-bom`}
            type="checkbox"
            checked={bom}
            onChange={(event) => setBom(event.target.checked)}
            aria-describedby={`${id}-bom-hint`}
          />
          <label htmlFor={`${id}-bom`}>{t('exports.bom')}</label>
          <p id={`${id}-bom-hint`} className="hint">
            {t('exports.bomHint')}
          </p>
        </div>
      ) : null}

      <fieldset className="field radio-group">
        <legend>{t('exports.privacy')}</legend>
        <div className="radio-group__options">
          {(['public', 'full'] as const).map((value) => (
            <div key={value} className="checkbox">
              <input
                id={`${id}-privacy-${value}`}
                type="radio"
                name={`${id}-privacy`}
                value={value}
                checked={privacy === value}
                onChange={() => setPrivacy(value)}
                aria-describedby={`${id}-privacy-${value}-hint`}
              />
              <label htmlFor={`${id}-privacy-${value}`}>{value === 'full' ? t('exports.privacyFull') : t('exports.privacyPublic')}</label>
              <p id={`${id}-privacy-${value}-hint`} className={value === 'full' ? 'hint warning-text' : 'hint'}>
                {value === 'full' ? t('exports.privacyFullHint') : t('exports.privacyPublicHint')}
              </p>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t('exports.filtersLegend')}</legend>
        <FilterFields
          values={filters}
          onChange={(next) => {
            setFilters(next);
            setShowDateError(false);
          }}
          vocabulary={vocabulary}
          dateError={
            showDateError
              ? privacy === 'public' && dateProblem(filters)
                ? t(dateProblem(filters)!)
                : datesReversed(filters)
                  ? t('filters.dateOrder')
                  : null
              : null
          }
        />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={create.isPending || undefined}>
          {create.isPending ? t('exports.submitting') : t('exports.submit')}
        </button>
      </div>
      {create.isError ? (
        tooMany ? (
          <div role="alert" className="error-alert">
            <p>{t('exports.tooMany', { count: EXPORTS_PER_USER_IN_FLIGHT })}</p>
          </div>
        ) : (
          <ErrorAlert error={create.error} />
        )
      ) : null}
      <StatusMessage>{started ? t('exports.started', { name: jobName(started) }) : ''}</StatusMessage>
    </form>
  );
}
