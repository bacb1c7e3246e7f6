import { COMMENT_MAX_LENGTH, type Comment } from '@compact-voices/contracts';
import { updateCommentSchema } from '@compact-voices/contracts/schemas';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useForm } from '../../../hooks/use-form';
import { useUpdateComment } from '../api/update-comment';

interface EditValues {
  body: string;
}
type Field = keyof EditValues;

/** Change my comment's text (earlier versions are kept by the server, and it shows as edited). */
export function CommentEditForm({ comment, onDone }: { comment: Comment; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateComment();
  const form = useForm<EditValues, typeof updateCommentSchema>({
    id: `edit-${comment.id}`,
    fields: ['body'],
    defaultValues: { body: comment.body },
    schema: updateCommentSchema,
    toRequest: (values) => ({ body: values.body.trim() }),
    messages: { body: { required: 'commentRequired' } },
  });
  const labels: Record<Field, string> = { body: t('composer.editLabel') };

  const submit = form.handleSubmit(async ({ body }) => {
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
