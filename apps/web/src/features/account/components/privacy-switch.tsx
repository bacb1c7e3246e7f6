import type { Me, PrivacyMode, UpdateMeRequest } from '@compact-voices/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { useUpdateMe } from '../api/update-me';

/**
 * Protected mode as a switch (role="switch"): it takes effect at once with PATCH /me
 * { privacyMode }, and says so. While the request is on its way the switch shows the new state.
 * Before it is turned on, it says what happens to earlier comments (they keep the name they were
 * published with) and offers to show them as "Former participant" instead.
 */
export function PrivacySwitch({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [outcome, setOutcome] = useState('');
  const [anonymise, setAnonymise] = useState(false);
  const requested = update.isPending ? update.variables?.privacyMode : undefined;
  const isProtected = (requested ?? me.privacyMode) === 'protected';

  const toggle = () => {
    if (update.isPending) return;
    const next: PrivacyMode = isProtected ? 'public' : 'protected';
    const request: UpdateMeRequest =
      next === 'protected' && anonymise ? { privacyMode: next, anonymisePublicContributions: true } : { privacyMode: next };
    setOutcome('');
    update.mutate(request, {
      onSuccess: (updated) => {
        setAnonymise(false);
        setOutcome(
          updated.privacyMode === 'protected'
            ? [
                t('privacy.nowProtected', { pseudonym: updated.pseudonym }),
                ...(request.anonymisePublicContributions ? [t('privacy.earlierAnonymised')] : []),
              ].join(' ')
            : t('privacy.nowPublic', { name: updated.displayName }),
        );
      },
    });
  };

  return (
    <div className="switch-field card">
      <button
        type="button"
        role="switch"
        aria-checked={isProtected}
        aria-describedby="privacy-switch-state privacy-switch-earlier"
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
      <p id="privacy-switch-earlier" className="hint">
        {isProtected ? t('privacy.earlierWhileOn') : t('privacy.earlierBeforeOn')}
      </p>
      {isProtected ? null : (
        <div className="checkbox">
          <input
            id="privacy-anonymise"
            type="checkbox"
            checked={anonymise}
            aria-describedby="privacy-anonymise-hint"
            onChange={(event) => setAnonymise(event.target.checked)}
          />
          <label htmlFor="privacy-anonymise">{t('privacy.anonymiseLabel')}</label>
          <p id="privacy-anonymise-hint" className="hint">
            {t('privacy.anonymiseHint')}
          </p>
        </div>
      )}
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      <StatusMessage>{outcome}</StatusMessage>
    </div>
  );
}
