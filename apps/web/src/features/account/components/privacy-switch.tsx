import type { Me, PrivacyMode } from '@compact-voices/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { useUpdateMe } from '../api/update-me';

/**
 * Protected mode as a switch (role="switch"): it takes effect at once with PATCH /me
 * { privacyMode }, and says so. While the request is on its way the switch shows the new state.
 */
export function PrivacySwitch({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [outcome, setOutcome] = useState('');
  const requested = update.isPending ? update.variables?.privacyMode : undefined;
  const isProtected = (requested ?? me.privacyMode) === 'protected';

  const toggle = () => {
    if (update.isPending) return;
    const next: PrivacyMode = isProtected ? 'public' : 'protected';
    setOutcome('');
    update.mutate(
      { privacyMode: next },
      {
        onSuccess: (updated) =>
          setOutcome(
            updated.privacyMode === 'protected'
              ? t('privacy.nowProtected', { pseudonym: updated.pseudonym })
              : t('privacy.nowPublic', { name: updated.displayName }),
          ),
      },
    );
  };

  return (
    <div className="switch-field card">
      <button
        type="button"
        role="switch"
        aria-checked={isProtected}
        aria-describedby="privacy-switch-state"
        aria-busy={update.isPending || undefined}
        className="switch"
        onClick={toggle}
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        <span className="switch__label">{t('privacy.switchLabel')}</span>
      </button>
      <p id="privacy-switch-state" className="switch-field__state">
        {isProtected ? t('privacy.stateOn') : t('privacy.stateOff')}
      </p>
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      <StatusMessage>{outcome}</StatusMessage>
    </div>
  );
}
