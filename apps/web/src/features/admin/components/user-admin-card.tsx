import { ROLES, type AdminUser, type Role } from '@compact-voices/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { formatDateTime } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { useRevokeUserSessions } from '../api/revoke-user-sessions';
import { useUpdateUserRoles } from '../api/update-user-roles';

/** One account: who it is, its roles as checkboxes (saved together), and "end all sessions". */
export function UserAdminCard({ user }: { user: AdminUser }) {
  const { t, i18n } = useTranslation();
  const updateRoles = useUpdateUserRoles();
  const revokeSessions = useRevokeUserSessions();
  const [roles, setRoles] = useState<ReadonlySet<Role>>(() => new Set(user.roles));
  const [outcome, setOutcome] = useState('');
  const idBase = `user-${user.id}`;
  const erased = user.status === 'erased';

  const toggle = (role: Role, checked: boolean) => {
    const next = new Set(roles);
    if (checked) next.add(role);
    else next.delete(role);
    setRoles(next);
  };

  const saveRoles = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (updateRoles.isPending) return;
    setOutcome('');
    updateRoles.mutate(
      { id: user.id, roles: ROLES.filter((role) => roles.has(role)) },
      { onSuccess: () => setOutcome(t('adminUsers.rolesSaved', { name: user.displayName })) },
    );
  };

  const endSessions = () => {
    if (revokeSessions.isPending) return;
    setOutcome('');
    revokeSessions.mutate(user.id, {
      onSuccess: () => setOutcome(t('adminUsers.sessionsEnded', { name: user.displayName })),
    });
  };

  return (
    <li className="card item-list__item">
      <h2 id={`${idBase}-name`} className="item-list__heading">
        <bdi>{user.displayName}</bdi>
      </h2>
      <p className="meta">
        {user.email ? (
          <span dir="ltr" className="nowrap">
            {user.email}
          </span>
        ) : (
          t('adminUsers.noEmail')
        )}
        <br />
        {[
          user.emailVerified ? t('adminUsers.verified') : t('adminUsers.unverified'),
          user.privacyMode === 'protected' ? t('adminUsers.protected') : null,
          erased ? t('adminUsers.erased') : null,
          t('adminUsers.created', { date: formatDateTime(user.createdAt, currentLocale(i18n)) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {erased ? null : (
        <>
          <form className="roles-form" onSubmit={saveRoles}>
            <fieldset>
              <legend>{t('adminUsers.rolesLegend', { name: user.displayName })}</legend>
              <div className="checkbox-row">
                {ROLES.map((role) => (
                  <div key={role} className="checkbox">
                    <input
                      id={`${idBase}-role-${role}`}
                      type="checkbox"
                      checked={roles.has(role)}
                      onChange={(event) => toggle(role, event.target.checked)}
                    />
                    <label htmlFor={`${idBase}-role-${role}`}>{t(`roles.${role}`)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            <div className="form-actions">
              <button type="submit" className="button" aria-describedby={`${idBase}-name`}>
                {updateRoles.isPending ? t('form.saving') : t('adminUsers.saveRoles')}
              </button>
              <button type="button" className="button button--secondary" aria-describedby={`${idBase}-name`} onClick={endSessions}>
                {revokeSessions.isPending ? t('adminUsers.endingSessions') : t('adminUsers.endSessions')}
              </button>
            </div>
          </form>
          {updateRoles.isError ? <ErrorAlert error={updateRoles.error} /> : null}
          {revokeSessions.isError ? <ErrorAlert error={revokeSessions.error} /> : null}
        </>
      )}
      <StatusMessage>{outcome}</StatusMessage>
    </li>
  );
}
