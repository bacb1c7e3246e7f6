import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadingStatus } from '../../../components/loading-status';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { useRevisions } from '../api/get-revisions';

/** A comment's earlier versions, newest first, each with when it was replaced (its author and moderators only). */
export function CommentRevisions({ commentId }: { commentId: string }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const revisions = useRevisions(commentId);
  if (revisions.isError) return <ErrorAlert error={revisions.error} onRetry={() => void revisions.refetch()} />;
  if (!revisions.data) return <LoadingStatus />;
  if (revisions.data.items.length === 0) return <p>{t('commentHistory.noRevisions')}</p>;
  return (
    <ol className="revision-list">
      {revisions.data.items.map((revision) => (
        <li key={revision.replacedAt} className="revision-list__item">
          <p className="meta">{t('commentHistory.replacedAt', { date: formatDateTime(revision.replacedAt, locale) })}</p>
          {/* Server-sanitised HTML, as in the thread. */}
          <div className="prose overflow-anywhere" dir="auto" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
        </li>
      ))}
    </ol>
  );
}
