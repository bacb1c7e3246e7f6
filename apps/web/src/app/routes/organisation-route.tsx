import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorView } from '../../components/error-view';
import { LoadingStatus } from '../../components/loading-status';
import { NotFoundView } from '../../components/not-found-view';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useMe } from '../../features/account/api/get-me';
import { useSession } from '../../hooks/use-session';
import { useCountries } from '../../features/countries/api/get-countries';
import { useOrganisation } from '../../features/organisations/api/get-organisation';
import { MembershipActions } from '../../features/organisations/components/membership-actions';
import { OrganisationDetails } from '../../features/organisations/components/organisation-details';
import { VerifyOrganisationButton } from '../../features/organisations/components/verify-organisation-button';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { isNotFoundError } from '../../lib/api-client';
import { paths } from '../../lib/paths';

export function OrganisationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organisation = useOrganisation(id);
  const countries = useCountries();
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  // The profile, fresh: memberships change when a request is sent or accepted.
  const me = useMe({ enabled: signedIn });
  const [verifiedNotice, setVerifiedNotice] = useState('');
  useDocumentTitle(organisation.data?.name ?? null);

  if (isNotFoundError(organisation.error)) {
    return <NotFoundView heading={t('organisations.notFoundHeading')} text={t('organisations.notFoundText')} />;
  }
  if (organisation.isError) return <ErrorView error={organisation.error} onRetry={() => void organisation.refetch()} />;
  if (!organisation.data) return <LoadingStatus />;

  const data = organisation.data;
  const user = signedIn ? (me.data ?? session.user) : null;
  const siteAdmin = user?.roles.includes('admin') ?? false;
  const orgAdmin = user?.memberships.some(
    (membership) => membership.organisationId === data.id && membership.role === 'admin' && membership.status === 'active',
  );

  return (
    <article className="narrow">
      <PageHeading>
        <span className="page-heading__eyebrow">{t('organisations.eyebrow')}</span>
        <span className="visually-hidden">: </span>
        <bdi>{data.name}</bdi>
      </PageHeading>
      <OrganisationDetails organisation={data} countries={countries.data?.items} />
      {!data.verified ? <p className="hint">{t('organisations.notVerifiedHint')}</p> : null}

      <section aria-labelledby="membership-heading" className="page-section">
        <h2 id="membership-heading">{t('organisations.membershipHeading')}</h2>
        <MembershipActions organisation={data} me={user} />
        {orgAdmin || siteAdmin ? (
          <p>
            <Link to={paths.organisationMembers(data.id)}>{t('organisations.manageMembersLink')}</Link>
          </p>
        ) : null}
      </section>

      {siteAdmin && !data.verified ? (
        <section aria-labelledby="verification-heading" className="page-section">
          <h2 id="verification-heading">{t('organisations.verificationHeading')}</h2>
          <p>{t('organisations.verificationText')}</p>
          <VerifyOrganisationButton
            organisation={data}
            onVerified={(updated) => setVerifiedNotice(t('organisations.verifiedNotice', { name: updated.name }))}
          />
        </section>
      ) : null}
      <StatusMessage>{verifiedNotice}</StatusMessage>
    </article>
  );
}
