import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeading } from '../../components/page-heading';
import { SearchBox } from '../../components/search-box';
import { useUsers } from '../../features/admin/api/get-users';
import { UserAdminCard } from '../../features/admin/components/user-admin-card';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function AdminUsersRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').slice(0, 100);
  const users = useUsers(q);
  useDocumentTitle(t('adminUsers.heading'));

  const items = users.data?.items ?? [];
  const loading = users.isPending || users.isPlaceholderData;
  let statusText = '';
  if (loading) statusText = t('status.loading');
  else if (users.isSuccess) statusText = items.length === 0 ? t('adminUsers.none') : t('adminUsers.count', { count: items.length });

  return (
    <>
      <PageHeading>{t('adminUsers.heading')}</PageHeading>
      <p className="lead">{t('adminUsers.intro')}</p>
      <SearchBox key={q} label={t('adminUsers.searchLabel')} initialQuery={q} onSearch={(query) => setParams(query ? { q: query } : {})} />
      <p role="status" className="search-results__status">
        {statusText}
      </p>
      {users.isError ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      {items.length > 0 ? (
        <ul className="item-list" aria-busy={loading || undefined} aria-label={t('adminUsers.listLabel')}>
          {items.map((user) => (
            // Keyed by the roles too, so the checkboxes start again from what the server holds.
            <UserAdminCard key={`${user.id}:${user.roles.join()}`} user={user} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
