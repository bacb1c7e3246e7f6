import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { isoDate } from '../../../lib/format';
import { useExportMyData } from '../api/export-my-data';

interface Download {
  url: string;
  fileName: string;
}

/** Save a file from memory: the page fetched it with the token, so no URL carries a secret. */
function saveFile({ url, fileName }: Download): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

export function ExportData() {
  const { t } = useTranslation();
  const exportData = useExportMyData();
  const [download, setDownload] = useState<Download | null>(null);

  // Free the file's memory when it is replaced or the page is left.
  useEffect(() => {
    if (!download) return undefined;
    return () => URL.revokeObjectURL(download.url);
  }, [download]);

  const prepare = () => {
    if (exportData.isPending) return;
    exportData.mutate(undefined, {
      onSuccess: (json) => {
        const next = {
          url: URL.createObjectURL(new Blob([json], { type: 'application/json' })),
          fileName: `compact-voices-my-data-${isoDate()}.json`,
        };
        setDownload(next);
        saveFile(next);
      },
    });
  };

  return (
    <div className="stack">
      <p>{t('data.exportText')}</p>
      <div className="form-actions">
        <button type="button" className="button" aria-disabled={exportData.isPending || undefined} onClick={prepare}>
          {exportData.isPending ? t('data.exporting') : t('data.exportButton')}
        </button>
      </div>
      {exportData.isError ? <ErrorAlert error={exportData.error} onRetry={prepare} /> : null}
      <StatusMessage>{download ? t('data.exportReady') : ''}</StatusMessage>
      {download ? (
        <p>
          <a href={download.url} download={download.fileName}>
            {t('data.exportLink', { fileName: download.fileName })}
          </a>
        </p>
      ) : null}
    </div>
  );
}
