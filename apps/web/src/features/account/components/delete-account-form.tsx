import { ErrorCode } from '@compact-voices/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { useForm, type FormValues } from '../../../hooks/use-form';
import { checkCurrentPassword, compactErrors } from '../../../lib/validation';
import { useDeleteMe } from '../api/delete-me';

const FIELDS = ['password'] as const;
type Field = (typeof FIELDS)[number];

function validate(values: FormValues<Field>) {
  return compactErrors<Field>({ password: checkCurrentPassword(values.password) });
}

/** Erasure, confirmed with the password; the choice about contributions is explained before it is made. */
export function DeleteAccountForm({ onDeleted }: { onDeleted: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const deleteMe = useDeleteMe();
  const [removeContributions, setRemoveContributions] = useState(false);
  const form = useForm<Field>({
    id: 'delete-account',
    fields: FIELDS,
    initialValues: { password: '' },
    validate,
    serverErrors: { codes: { [ErrorCode.INVALID_CREDENTIALS]: 'password' } },
  });
  const labels = { password: t('data.deletePasswordLabel') };

  const submit = form.handleSubmit(async (values) => {
    await deleteMe.mutateAsync({ password: values.password, removeContributions });
    await onDeleted();
  });

  return (
    <form noValidate className="form card form--danger" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <p>{t('data.deleteWhat')}</p>
      <p>{t('data.deleteKeep')}</p>
      <div className="checkbox">
        <input
          id="delete-account-remove"
          type="checkbox"
          name="removeContributions"
          checked={removeContributions}
          aria-describedby="delete-account-remove-hint"
          onChange={(event) => setRemoveContributions(event.target.checked)}
        />
        <label htmlFor="delete-account-remove">{t('data.removeContributionsLabel')}</label>
        <p id="delete-account-remove-hint" className="hint">
          {t('data.removeContributionsHint')}
        </p>
      </div>
      <PasswordField form={form} name="password" label={labels.password} autoComplete="current-password" />
      <p className="warning-text">{t('data.deleteFinal')}</p>
      <div className="form-actions">
        <button type="submit" className="button button--danger">
          {form.submitting ? t('data.deleting') : t('data.deleteButton')}
        </button>
      </div>
    </form>
  );
}
