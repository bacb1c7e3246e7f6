import { COMMENT_MAX_LENGTH, type Comment } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useForm, type FormValues } from '../../../hooks/use-form';
import { compactErrors } from '../../../lib/validation';
import { useUpdateComment } from '../api/update-comment';
import { checkCommentBody } from './comment-composer';

const FIELDS = ['body'] as const;
type Field = (typeof FIELDS)[number];

function validate(values: FormValues<Field>) {
  return compactErrors<Field>({ body: checkCommentBody(values.body) });
}

/** Change my comment's text (earlier versions are kept by the server, and it shows as edited). */
export function CommentEditForm({ comment, onDone }: { comment: Comment; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateComment();
  const form = useForm<Field>({ id: `edit-${comment.id}`, fields: FIELDS, initialValues: { body: comment.body }, validate });
  const labels: Record<Field, string> = { body: t('composer.editLabel') };

  const submit = form.handleSubmit(async (values) => {
    const body = values.body.trim();
    if (body !== comment.body) await update.mutateAsync({ comment, body });
    onDone(body !== comment.body);
  });

  return (
    <form noValidate className="form comment-form comment-form--reply" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <TextAreaField form={form} name="body" label={labels.body} maxCharacters={COMMENT_MAX_LENGTH} rows={4} required />
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('form.saving') : t('composer.saveEdit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('composer.cancel')}
        </button>
      </div>
    </form>
  );
}
