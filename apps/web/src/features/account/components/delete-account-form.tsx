import { ErrorCode } from '@compact-voices/contracts';
import { deleteMeSchema } from '@compact-voices/contracts/schemas';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../../components/form/checkbox-field';
import { ErrorSummary } from '../../../components/form/error-summary';
import { PasswordField } from '../../../components/form/password-field';
import { useForm } from '../../../hooks/use-form';
import { checkCurrentPassword } from '../../../lib/validation';
import { useDeleteMe } from '../api/delete-me';

interface DeleteAccountValues {
  removeContributions: boolean;
  password: string;
}

/** Erasure, confirmed with the password; the choice about contributions is explained before it is made. */
export function DeleteAccountForm({ onDeleted }: { onDeleted: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const deleteMe = useDeleteMe();
  const form = useForm<DeleteAccountValues, typeof deleteMeSchema>({
    id: 'delete-account',
    fields: ['removeContributions', 'password'],
    defaultValues: { removeContributions: false, password: '' },
    schema: deleteMeSchema,
    toRequest: (values) => values,
    validate: (values) => ({ password: checkCurrentPassword(values.password) }),
    serverErrors: { codes: { [ErrorCode.INVALID_CREDENTIALS]: 'password' } },
  });
  const labels = { removeContributions: t('data.removeContributionsLabel'), password: t('data.deletePasswordLabel') };

  const submit = form.handleSubmit(async (request) => {
    await deleteMe.mutateAsync(request);
    await onDeleted();
  });

  return (
    <form noValidate className="form card form--danger" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <p>{t('data.deleteWhat')}</p>
      <p>{t('data.deleteKeep')}</p>
      <CheckboxField form={form} name="removeContributions" label={labels.removeContributions} hint={t('data.removeContributionsHint')} />
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
