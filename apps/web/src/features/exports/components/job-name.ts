import type { ExportJob } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';

/** "Complete pack, ZIP": how a job is named in the list and in announcements. */
export function useJobName(): (job: Pick<ExportJob, 'dataset' | 'format'>) => string {
  const { t } = useTranslation();
  return (job) => t('exports.jobName', { dataset: t(`datasets.${job.dataset}`), format: t(`exportFormats.${job.format}`) });
}
