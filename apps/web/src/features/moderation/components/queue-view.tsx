import { QUEUE_SORTS, type QueueSort } from '@compact-voices/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { StatusMessage } from '../../../components/status-message';
import { queueQueryRoot, useQueue, type QueueSource } from '../api/get-queue';
import { QueueItemCard } from './queue-item-card';

function isSort(value: string): value is QueueSort {
  return (QUEUE_SORTS as readonly string[]).includes(value);
}

interface QueueViewProps {
  source: QueueSource;
  canSuspend?: boolean;
  countryName: (iso3: string) => string;
  headingId: string;
}

/** A queue with its sort (oldest first, or most flagged), its items and "show more". */
export function QueueView({ source, canSuspend = false, countryName, headingId }: QueueViewProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sort, setSort] = useState<QueueSort>('oldest');
  const queue = useQueue(source, sort);
  const [outcome, setOutcome] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];

  // The item is gone (or changed) once decided: keep focus in the queue, not on a vanished button.
  const report = (message: string) => {
    setOutcome(message);
    listRef.current?.focus();
  };

  return (
    <>
      <div className="field sort-picker">
        <label htmlFor={`${headingId}-sort`}>{t('moderation.sortLabel')}</label>
        <select
          id={`${headingId}-sort`}
          value={sort}
          onChange={(event) => {
            if (isSort(event.target.value)) setSort(event.target.value);
          }}
        >
          {QUEUE_SORTS.map((option) => (
            <option key={option} value={option}>
              {t(`moderation.sort.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <StatusMessage>{outcome}</StatusMessage>
      {queue.isError && !queue.data ? <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.isPending ? <LoadingStatus /> : null}
      <div ref={listRef} tabIndex={-1}>
        {queue.data && items.length === 0 ? <p>{t('moderation.queueEmpty')}</p> : null}
        {items.length > 0 ? (
          <ul className="item-list" aria-labelledby={headingId} aria-busy={queue.isFetching || undefined}>
            {items.map((item) => (
              <QueueItemCard
                key={`${item.comment.id}:${item.version}`}
                item={item}
                canSuspend={canSuspend}
                countryName={countryName}
                onOutcome={report}
                onConflict={() => {
                  void queryClient.invalidateQueries({ queryKey: queueQueryRoot(source) });
                  report(t('errors.DECISION_CONFLICT'));
                }}
              />
            ))}
          </ul>
        ) : null}
      </div>
      {queue.hasNextPage ? (
        <p className="load-more">
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={queue.isFetchingNextPage || undefined}
            onClick={() => {
              if (!queue.isFetchingNextPage) void queue.fetchNextPage();
            }}
          >
            {queue.isFetchingNextPage ? t('status.loading') : t('moderation.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}
