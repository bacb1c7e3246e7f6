import { ErrorCode, WORD_FILTER_ACTIONS, type WordFilterAction } from '@compact-voices/contracts';
import { wordFilterTermSchema } from '@compact-voices/contracts/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { ErrorSummary } from '../../components/form/error-summary';
import { SelectField } from '../../components/form/select-field';
import { TextField } from '../../components/form/text-field';
import { LoadingStatus } from '../../components/loading-status';
import { PageHeading } from '../../components/page-heading';
import { StatusMessage } from '../../components/status-message';
import { useAddWordFilterTerm, useDeleteWordFilterTerm, useWordFilter } from '../../features/admin/api/word-filter';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useForm } from '../../hooks/use-form';

interface WordFilterValues {
  term: string;
  action: WordFilterAction;
}
type Field = keyof WordFilterValues;

/** Terms that block a comment, hold it for a moderator, or flag it; add and delete. */
export function AdminWordFilterRoute() {
  const { t } = useTranslation();
  const terms = useWordFilter();
  const add = useAddWordFilterTerm();
  const remove = useDeleteWordFilterTerm();
  const [outcome, setOutcome] = useState('');
  useDocumentTitle(t('adminWordFilter.heading'));
  const form = useForm<WordFilterValues, typeof wordFilterTermSchema>({
    id: 'word-filter',
    fields: ['term', 'action'],
    defaultValues: { term: '', action: 'hold' },
    schema: wordFilterTermSchema,
    toRequest: (values) => ({ term: values.term.trim(), action: values.action }),
    serverErrors: { codes: { [ErrorCode.TERM_EXISTS]: 'term' } },
  });
  const labels: Record<Field, string> = { term: t('adminWordFilter.termLabel'), action: t('adminWordFilter.actionLabel') };
  const submit = form.handleSubmit(async (request) => {
    const created = await add.mutateAsync(request);
    form.reset();
    setOutcome(t('adminWordFilter.added', { term: created.term }));
  });

  return (
    <>
      <PageHeading>{t('adminWordFilter.heading')}</PageHeading>
      <p className="lead">{t('adminWordFilter.intro')}</p>
      <form noValidate className="form" onSubmit={submit} aria-busy={form.submitting || undefined}>
        <ErrorSummary form={form} labels={labels} />
        <div className="form-row">
          <TextField form={form} name="term" label={labels.term} required />
          <SelectField form={form} name="action" label={labels.action} required>
            {WORD_FILTER_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`wordFilterActions.${action}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {form.submitting ? t('form.saving') : t('adminWordFilter.add')}
          </button>
        </div>
      </form>
      <StatusMessage>{outcome}</StatusMessage>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {terms.isError ? <ErrorAlert error={terms.error} onRetry={() => void terms.refetch()} /> : null}
      {terms.isPending ? <LoadingStatus /> : null}
      {terms.data && terms.data.items.length === 0 ? <p>{t('adminWordFilter.none')}</p> : null}
      {terms.data && terms.data.items.length > 0 ? (
        <table className="data-table">
          <caption>{t('adminWordFilter.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('adminWordFilter.termLabel')}</th>
              <th scope="col">{t('adminWordFilter.actionLabel')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {terms.data.items.map((term) => (
              <tr key={term.id}>
                <th scope="row" dir="auto" className="overflow-anywhere">
                  {term.term}
                </th>
                <td>{t(`wordFilterActions.${term.action}`)}</td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('adminWordFilter.deleteLabel', { term: term.term })}
                    onClick={() =>
                      remove.mutate(term.id, { onSuccess: () => setOutcome(t('adminWordFilter.deleted', { term: term.term })) })
                    }
                  >
                    {t('adminWordFilter.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
