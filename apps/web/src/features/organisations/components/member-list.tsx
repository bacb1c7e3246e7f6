import type { OrganisationMember } from '@compact-voices/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { useAcceptMember } from '../api/accept-member';
import { useRemoveMember } from '../api/remove-member';

interface MemberListProps {
  organisationId: string;
  members: readonly OrganisationMember[];
  /** The signed-in person, who cannot remove themselves here (leaving is on the organisation's page). */
  selfId: string;
}

/**
 * For an organisation's admins: requests to accept or decline, and members to remove — each by its
 * membership id. A member in protected mode is listed only under the alias the API gives.
 */
export function MemberList({ organisationId, members, selfId }: MemberListProps) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n);
  const accept = useAcceptMember();
  const remove = useRemoveMember();
  const [outcome, setOutcome] = useState('');
  const containerRef = useRef<HTMLDivElement>(null);
  const pending = members.filter((member) => member.status === 'pending');
  const active = members.filter((member) => member.status === 'active');
  const busy = accept.isPending || remove.isPending;

  // After a decision the row (and its button) moves or goes: keep focus nearby and say what happened.
  const done = (message: string) => {
    setOutcome(message);
    containerRef.current?.focus();
  };
  const acceptMember = (member: OrganisationMember) => {
    if (busy) return;
    accept.mutate(
      { organisationId, memberId: member.memberId },
      { onSuccess: () => done(t('members.accepted', { name: member.displayName })) },
    );
  };
  const removeMember = (member: OrganisationMember, message: string) => {
    if (busy) return;
    remove.mutate({ organisationId, memberId: member.memberId }, { onSuccess: () => done(message) });
  };

  return (
    <div ref={containerRef} tabIndex={-1} className="stack">
      {accept.isError ? <ErrorAlert error={accept.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <StatusMessage>{outcome}</StatusMessage>

      <section aria-labelledby="pending-heading" className="page-section">
        <h2 id="pending-heading">{t('members.pendingHeading', { count: pending.length })}</h2>
        {pending.length === 0 ? (
          <p>{t('members.noPending')}</p>
        ) : (
          <ul className="item-list">
            {pending.map((member) => {
              const nameId = `member-${member.memberId}`;
              return (
                <li key={member.memberId} className="card item-list__item">
                  <p id={nameId} className="item-list__title">
                    <bdi>{member.displayName}</bdi>
                  </p>
                  <p className="meta">{t('members.requested', { date: formatDateTime(member.requestedAt, locale) })}</p>
                  <div className="form-actions">
                    <button type="button" className="button" aria-describedby={nameId} onClick={() => acceptMember(member)}>
                      {t('members.accept')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-describedby={nameId}
                      onClick={() => removeMember(member, t('members.declined', { name: member.displayName }))}
                    >
                      {t('members.decline')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="members-heading" className="page-section">
        <h2 id="members-heading">{t('members.activeHeading', { count: active.length })}</h2>
        <ul className="item-list">
          {active.map((member) => {
            const nameId = `member-${member.memberId}`;
            return (
              <li key={member.memberId} className="card item-list__item">
                <p id={nameId} className="item-list__title">
                  <bdi>{member.displayName}</bdi>
                  {member.role === 'admin' ? <span className="badge">{t('members.adminRole')}</span> : null}
                </p>
                {member.userId === selfId ? (
                  <p className="hint">{t('members.you')}</p>
                ) : (
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-describedby={nameId}
                    onClick={() => removeMember(member, t('members.removed', { name: member.displayName }))}
                  >
                    {t('members.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
