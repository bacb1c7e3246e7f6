import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { useSession } from '../../hooks/use-session';
import { useOrganisation } from '../../features/organisations/api/get-organisation';
import { useOrganisationMembers } from '../../features/organisations/api/get-organisation-members';
import { MemberList } from '../../features/organisations/components/member-list';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isNotFoundError } from '../../lib/api-client';
import { paths } from '../../lib/paths';

/** For the organisation's admins (and site admins): requests to join, and members. */
export function OrganisationMembersRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const organisation = useOrganisation(id);
  const members = useOrganisationMembers(id);
  const heading = organisation.data ? t('members.heading', { name: organisation.data.name }) : null;
  useDocumentTitle(heading);

  if (isNotFoundError(organisation.error) || isNotFoundError(members.error)) {
    return <NotFoundView heading={t('organisations.notFoundHeading')} text={t('organisations.notFoundText')} />;
  }
  if (organisation.isError) return <ErrorView error={organisation.error} onRetry={() => void organisation.refetch()} />;
  if (members.isError) return <ErrorView error={members.error} onRetry={() => void members.refetch()} />;
  if (!organisation.data || !members.data || !user) return <LoadingStatus />;

  return (
    <div className="narrow">
      <PageHeading>
        <span className="page-heading__eyebrow">{t('members.eyebrow')}</span>
        <span className="visually-hidden">: </span>
        <bdi>{organisation.data.name}</bdi>
      </PageHeading>
      <p>
        <Link to={paths.organisation(id)}>{t('members.backLink')}</Link>
      </p>
      <MemberList organisationId={id} members={members.data.items} selfId={user.id} />
    </div>
  );
}
