import type { Me, Organisation } from '@compact-voices/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { paths } from '../../../lib/paths';
import { useJoinOrganisation } from '../api/join-organisation';
import { useRemoveMember } from '../api/remove-member';

interface MembershipActionsProps {
  organisation: Organisation;
  /** Null when signed out. */
  me: Me | null;
}

/** Where the visitor stands with this organisation, and the next step: sign in, ask to join, wait, or leave. */
export function MembershipActions({ organisation, me }: MembershipActionsProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const join = useJoinOrganisation();
  const leave = useRemoveMember();
  const [outcome, setOutcome] = useState('');

  if (!me) {
    return (
      <p>
        <Link to={paths.signIn(location.pathname)}>{t('organisations.signInToJoin')}</Link>
      </p>
    );
  }

  const membership = me.memberships.find((item) => item.organisationId === organisation.id);
  const requestJoin = () => {
    if (join.isPending) return;
    join.mutate(organisation.id, { onSuccess: () => setOutcome(t('organisations.requestSent')) });
  };
  const requestLeave = () => {
    if (leave.isPending) return;
    leave.mutate({ organisationId: organisation.id, memberId: me.id }, { onSuccess: () => setOutcome(t('organisations.left')) });
  };

  return (
    <div className="stack">
      {!membership ? (
        <>
          <p>{t('organisations.joinText')}</p>
          <p id="join-seen-by">
            {me.privacyMode === 'protected' ? t('organisations.joinSeenProtected') : t('organisations.joinSeenPublic')}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button"
              aria-disabled={join.isPending || undefined}
              aria-describedby="join-seen-by"
              onClick={requestJoin}
            >
              {join.isPending ? t('organisations.joining') : t('organisations.join')}
            </button>
          </div>
        </>
      ) : membership.status === 'pending' ? (
        <p className="notice">{t('organisations.pending')}</p>
      ) : (
        <>
          <p className="notice">{membership.role === 'admin' ? t('organisations.youAreAdmin') : t('organisations.youAreMember')}</p>
          <div className="form-actions">
            <button type="button" className="button button--secondary" aria-disabled={leave.isPending || undefined} onClick={requestLeave}>
              {t('organisations.leave')}
            </button>
          </div>
        </>
      )}
      {join.isError ? <ErrorAlert error={join.error} /> : null}
      {leave.isError ? <ErrorAlert error={leave.error} /> : null}
      <StatusMessage>{outcome}</StatusMessage>
    </div>
  );
}
