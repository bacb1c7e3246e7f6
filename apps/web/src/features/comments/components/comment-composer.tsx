import {
  COMMENT_MAX_LENGTH,
  ErrorCode,
  STANCES,
  type Comment,
  type Country,
  type CreateCommentRequest,
  type Stance,
} from '@compact-voices/contracts';
import { createCommentSchema } from '@compact-voices/contracts/schemas';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CountryOptions } from '../../../components/country-options';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { useForm } from '../../../hooks/use-form';
import { IdempotencyKeys, SingleFlight } from '../../../lib/idempotency';
import { useCreateComment } from '../api/create-comment';

interface CommentValues {
  body: string;
  /** '' for none. */
  stance: Stance | '';
  /** '' for none. */
  countryIso3: string;
}
type Field = keyof CommentValues;

const FIELDS: readonly Field[] = ['body', 'stance', 'countryIso3'];

/** What the form fills in; the reply's parent comes from the page. */
const commentFormSchema = createCommentSchema.pick({ body: true, stance: true, countryIso3: true });

interface CommentComposerProps {
  consultationId: string;
  code: string;
  /** The round's countries, for the optional country focus (top-level comments). */
  countries: readonly Country[];
  /** Replying to this comment; absent for a new top-level comment. */
  parent?: Comment;
  /** After the comment was accepted (published, or waiting for moderation). */
  onPosted: (comment: Comment) => void;
  onCancel?: () => void;
}

/**
 * Write a comment or a reply. Each submit attempt has one Idempotency-Key, reused when the same
 * text is sent again after a failure and by the automatic retries, so a flaky connection or a
 * double tap never posts twice; a new comment after a successful one gets a new key.
 */
export function CommentComposer({ consultationId, code, countries, parent, onPosted, onCancel }: CommentComposerProps) {
  const { t } = useTranslation();
  const create = useCreateComment();
  const [keys] = useState(() => new IdempotencyKeys());
  /** A second tap before React re-renders the button as busy does nothing. */
  const [flight] = useState(() => new SingleFlight());
  const isReply = Boolean(parent);
  const form = useForm<CommentValues, typeof commentFormSchema>({
    id: parent ? `reply-${parent.id}` : 'new-comment',
    fields: FIELDS,
    defaultValues: { body: '', stance: '', countryIso3: '' },
    schema: commentFormSchema,
    toRequest: (values) => ({
      body: values.body.trim(),
      ...(values.stance ? { stance: values.stance } : {}),
      // A reply is about its parent's country.
      ...(!parent && values.countryIso3 ? { countryIso3: values.countryIso3 } : {}),
    }),
    messages: { body: { required: 'commentRequired' } },
    serverErrors: {
      codes: { [ErrorCode.DUPLICATE_COMMENT]: 'body', [ErrorCode.REPLY_TOO_DEEP]: 'body' },
    },
  });
  const labels: Record<Field, string> = {
    body: isReply ? t('composer.replyLabel') : t('composer.bodyLabel'),
    stance: t('composer.stanceLabel'),
    countryIso3: t('composer.countryLabel'),
  };

  const submit = form.handleSubmit((filled) =>
    flight.run(async () => {
      const request: CreateCommentRequest = { ...filled, ...(parent ? { parentId: parent.id } : {}) };
      const idempotencyKey = keys.keyFor({ consultationId, code, request });
      const comment = await create.mutateAsync({ consultationId, code, request, idempotencyKey });
      keys.settle();
      form.reset();
      onPosted(comment);
    }),
  );

  return (
    <form
      noValidate
      className={isReply ? 'form comment-form comment-form--reply' : 'form comment-form'}
      onSubmit={submit}
      aria-busy={form.submitting || undefined}
    >
      <ErrorSummary form={form} labels={labels} />
      <TextAreaField
        form={form}
        name="body"
        label={labels.body}
        hint={t('composer.bodyHint')}
        maxCharacters={COMMENT_MAX_LENGTH}
        rows={isReply ? 3 : 5}
        required
      />
      <div className="form-row">
        <SelectField form={form} name="stance" label={labels.stance}>
          <option value="">{t('composer.noStance')}</option>
          {STANCES.map((stance) => (
            <option key={stance} value={stance}>
              {t(`stances.${stance}`)}
            </option>
          ))}
        </SelectField>
        {!isReply && countries.length > 0 ? (
          <SelectField form={form} name="countryIso3" label={labels.countryIso3}>
            <option value="">{t('composer.noCountry')}</option>
            <CountryOptions countries={countries} />
          </SelectField>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('form.sending') : isReply ? t('composer.submitReply') : t('composer.submit')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('composer.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
