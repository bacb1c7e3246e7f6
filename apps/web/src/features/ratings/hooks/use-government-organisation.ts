import type { Organisation } from '@compact-voices/contracts';
import { useQueries } from '@tanstack/react-query';
import { useMe } from '../../account/api/get-me';
import { useSession } from '../../../hooks/use-session';
import { organisationQueryOptions } from '../../organisations/api/get-organisation';

/**
 * The verified government organisation of `countryIso3` the signed-in person is an active member
 * of, if any: only they may post that country's official assessment (the API checks again).
 */
export function useGovernmentOrganisation(countryIso3: string): Organisation | null {
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const me = useMe({ enabled: signedIn });
  const memberships = signedIn ? ((me.data ?? session.user)?.memberships.filter((membership) => membership.status === 'active') ?? []) : [];
  const organisations = useQueries({
    queries: memberships.map((membership) => organisationQueryOptions(membership.organisationId)),
  });
  for (const organisation of organisations) {
    const data = organisation.data;
    if (data && data.stakeholderType === 'government' && data.verified && data.countryIso3 === countryIso3) return data;
  }
  return null;
}
