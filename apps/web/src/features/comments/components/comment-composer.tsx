import {
  COMMENT_MAX_LENGTH,
  ErrorCode,
  LOCALES,
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
import { StatusMessage } from '../../../components/status-message';
import { useForm } from '../../../hooks/use-form';
import { useSession } from '../../../hooks/use-session';
import { languageName } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { IdempotencyKeys, SingleFlight } from '../../../lib/idempotency';
import { commentDraftScope } from '../../../lib/offline/drafts';
import { isKnownOffline, isNetworkFailure } from '../../../lib/offline/network';
import { hasOfflineStorage } from '../../../lib/offline/offline-db';
import { languageSuggestions } from '../../../lib/script-languages';
import { enqueue } from '../../../lib/offline/outbox';
import { useDraft } from '../../../lib/offline/use-draft';
import { useThreadOutbox } from '../../../lib/offline/use-thread-outbox';
import { commentsPath, useCreateComment } from '../api/create-comment';

interface CommentValues {
  body: string;
  /** '' for none. */
  stance: Stance | '';
  /** '' for none. */
  countryIso3: string;
  /** The language it is written in: the interface language unless changed; '' for another language. */
  language: string;
}
type Field = keyof CommentValues;

const FIELDS: readonly Field[] = ['body', 'language', 'stance', 'countryIso3'];
const EMPTY: CommentValues = { body: '', stance: '', countryIso3: '', language: '' };

/** Nothing typed and nothing chosen: no draft to keep. */
const isBlank = (values: CommentValues) => !values.body.trim() && !values.stance && !values.countryIso3;

/** What the form fills in; the reply's parent comes from the page. */
const commentFormSchema = createCommentSchema.pick({ body: true, stance: true, countryIso3: true, language: true });

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
 *
 * What is typed is kept on the device as a draft (per thread and per comment replied to) until it
 * is sent. Without a connection the comment goes to the outbox (lib/offline/) with its key, and is
 * sent when the connection is back; the thread shows it as waiting meanwhile.
 */
export function CommentComposer({ consultationId, code, countries, parent, onPosted, onCancel }: CommentComposerProps) {
  const { t, i18n } = useTranslation();
  const uiLocale = currentLocale(i18n);
  const initial: CommentValues = { ...EMPTY, language: uiLocale };
  const create = useCreateComment();
  const session = useSession();
  const userId = session.status === 'signed-in' ? (session.user?.id ?? null) : null;
  const [queued, setQueued] = useState('');
  const outbox = useThreadOutbox(consultationId, code);
  // Said while something of this thread still waits; gone once the outbox has sent it.
  const stillWaiting = outbox.items.some((item) => item.kind === 'comment' && !item.failure);
  const [keys] = useState(() => new IdempotencyKeys());
  /** A second tap before React re-renders the button as busy does nothing. */
  const [flight] = useState(() => new SingleFlight());
  const isReply = Boolean(parent);
  const languageNames = (codes: readonly string[]) => codes.map((code) => languageName(code, uiLocale)).join(' / ');
  const form = useForm<CommentValues, typeof commentFormSchema>({
    id: parent ? `reply-${parent.id}` : 'new-comment',
    fields: FIELDS,
    defaultValues: initial,
    schema: commentFormSchema,
    toRequest: (values) => ({
      body: values.body.trim(),
      // Recorded with the comment: readers' browsers and screen readers follow it, and threads and exports can be filtered by it.
      ...(values.language ? { language: values.language } : {}),
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
    language: t('composer.languageLabel'),
  };
  // A check, never a rule: the script of the text may rule out the language chosen.
  const suggestions = form.values.language ? languageSuggestions(form.values.body, form.values.language) : [];

  const draft = useDraft({
    userId,
    scope: commentDraftScope(consultationId, code, parent?.id),
    values: form.values,
    isBlank,
    restore: (values) => form.reset({ ...initial, ...values }),
  });

  /** Handed to the outbox: the text is safe there, and shown in the thread as waiting. */
  const keepForLater = async (request: CreateCommentRequest, idempotencyKey: string, writer: string) => {
    await enqueue({
      method: 'POST',
      path: commentsPath(consultationId, code),
      body: request,
      idempotencyKey,
      userId: writer,
      kind: 'comment',
      thread: { consultationId, code },
    });
    keys.settle();
    await draft.clear();
    form.reset();
    setQueued(t('composer.queued'));
  };

  const submit = form.handleSubmit((filled) =>
    flight.run(async () => {
      setQueued('');
      const request: CreateCommentRequest = { ...filled, ...(parent ? { parentId: parent.id } : {}) };
      const idempotencyKey = keys.keyFor({ consultationId, code, request });
      if (userId && isKnownOffline() && hasOfflineStorage()) {
        await keepForLater(request, idempotencyKey, userId);
        return;
      }
      let comment: Comment;
      try {
        comment = await create.mutateAsync({ consultationId, code, request, idempotencyKey });
      } catch (error) {
        // No answer at all (not a refusal): the same request, with the same key, waits in the outbox.
        if (userId && isNetworkFailure(error) && hasOfflineStorage()) {
          await keepForLater(request, idempotencyKey, userId);
          return;
        }
        throw error;
      }
      keys.settle();
      await draft.clear();
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
        <SelectField form={form} name="language" label={labels.language}>
          {LOCALES.map((locale) => (
            <option key={locale.code} value={locale.code} lang={locale.code}>
              {locale.name}
            </option>
          ))}
          <option value="">{t('composer.otherLanguage')}</option>
        </SelectField>
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
      {suggestions.length > 0 ? (
        <p className="form-hint" role="note">
          {t('composer.languageMismatch', { language: languageNames(suggestions) })}{' '}
          {suggestions.map((code) => (
            <button key={code} type="button" className="link-button" onClick={() => form.setValue('language', code)}>
              {t('composer.useLanguage', { language: LOCALES.find((locale) => locale.code === code)?.name ?? code })}
            </button>
          ))}
        </p>
      ) : null}
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
      <StatusMessage>{queued && stillWaiting ? queued : ''}</StatusMessage>
    </form>
  );
}
