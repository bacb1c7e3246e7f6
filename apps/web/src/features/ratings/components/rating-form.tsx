import { type Rating } from '@compact-voices/contracts';
import { putRatingSchema } from '@compact-voices/contracts/schemas';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { RadioGroupField } from '../../../components/form/radio-group-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { StatusMessage } from '../../../components/status-message';
import { maxLengthOf, useForm, type RequestDraft } from '../../../hooks/use-form';
import { useSession } from '../../../hooks/use-session';
import { IdempotencyKeys } from '../../../lib/idempotency';
import { ratingDraftScope } from '../../../lib/offline/drafts';
import { isKnownOffline, isNetworkFailure } from '../../../lib/offline/network';
import { hasOfflineStorage } from '../../../lib/offline/offline-db';
import { enqueue } from '../../../lib/offline/outbox';
import { useDraft } from '../../../lib/offline/use-draft';
import { useThreadOutbox } from '../../../lib/offline/use-thread-outbox';
import { ratingPath, usePutRating } from '../api/put-rating';
import { RATING_CHOICES, useScaleLabel, type RatingChoice } from '../../../lib/rating-scale';

const EVIDENCE_MAX_LENGTH = maxLengthOf(putRatingSchema.shape.evidence);

interface RatingValues {
  /** '' before a choice. */
  score: RatingChoice | '';
  evidence: string;
  evidenceUrl: string;
}
type Field = keyof RatingValues;

/** The request for a choice: a score 0–4, or Don't know as `score: null, dontKnow: true`. Empty fields are left out (and so cleared). */
function ratingRequest(values: RatingValues): RequestDraft<typeof putRatingSchema> {
  const evidence = values.evidence.trim();
  const evidenceUrl = values.evidenceUrl.trim();
  return {
    ...(values.score === ''
      ? {}
      : values.score === 'dontKnow'
        ? { score: null, dontKnow: true }
        : { score: Number(values.score), dontKnow: false }),
    ...(evidence ? { evidence } : {}),
    ...(evidenceUrl ? { evidenceUrl } : {}),
  };
}

function initialValues(existing: Rating | undefined): RatingValues {
  if (!existing) return { score: '', evidence: '', evidenceUrl: '' };
  return {
    score: existing.dontKnow || existing.score === null ? 'dontKnow' : (String(existing.score) as RatingChoice),
    evidence: existing.evidence ?? '',
    evidenceUrl: existing.evidenceUrl ?? '',
  };
}

interface RatingFormProps {
  consultationId: string;
  code: string;
  countryIso3: string;
  /** The country's name, bidi-isolated. */
  country: string;
  /** My current rating of this country, to change. */
  existing?: Rating;
}

/**
 * My rating of how far the recommendation is implemented in one country: the scale as radio
 * buttons (with Don't know), optional evidence and a link to it. Saved with PUT and an
 * Idempotency-Key that stays the same when the same rating is sent again after a failure.
 *
 * An unsaved choice is kept on the device as a draft and comes back after a reload. Without a
 * connection the rating waits in the outbox (lib/offline/), with its key, until it can be sent.
 */
export function RatingForm({ consultationId, code, countryIso3, country, existing }: RatingFormProps) {
  const { t } = useTranslation();
  const scaleLabel = useScaleLabel();
  const put = usePutRating();
  const session = useSession();
  const userId = session.status === 'signed-in' ? (session.user?.id ?? null) : null;
  const [keys] = useState(() => new IdempotencyKeys());
  const [outcome, setOutcome] = useState('');
  const outbox = useThreadOutbox(consultationId, code);
  const pending = outbox.items.find((item) => item.kind === 'rating' && item.countryIso3 === countryIso3 && !item.failure);
  const form = useForm<RatingValues, typeof putRatingSchema>({
    id: `rating-${countryIso3}`,
    fields: ['score', 'evidence', 'evidenceUrl'],
    defaultValues: initialValues(existing),
    schema: putRatingSchema,
    toRequest: ratingRequest,
    messages: { score: { required: 'chooseRating' } },
  });
  const labels: Record<Field, string> = {
    score: t('ratingForm.scoreLegend', { country }),
    evidence: t('ratingForm.evidenceLabel'),
    evidenceUrl: t('ratingForm.evidenceUrlLabel'),
  };

  const saved = JSON.stringify(initialValues(existing));
  const draft = useDraft({
    userId,
    scope: ratingDraftScope(consultationId, code, countryIso3),
    values: form.values,
    isBlank: (values) => JSON.stringify(values) === saved,
    restore: (values) => form.reset(values),
  });

  // The waiting rating went through (the outbox sent it once the connection was back).
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) setOutcome(t('ratingForm.saved', { country }));
    wasPending.current = Boolean(pending);
  }, [pending, t, country]);

  /** Handed to the outbox with its key: sent when the connection is back. */
  const keepForLater = async (request: RequestDraft<typeof putRatingSchema>, idempotencyKey: string, writer: string) => {
    await enqueue({
      method: 'PUT',
      path: ratingPath(consultationId, code, countryIso3),
      body: request,
      idempotencyKey,
      userId: writer,
      kind: 'rating',
      thread: { consultationId, code },
      countryIso3,
    });
    keys.settle();
    await draft.clear();
  };

  const submit = form.handleSubmit(async (request) => {
    setOutcome('');
    const idempotencyKey = keys.keyFor({ consultationId, code, countryIso3, request });
    if (userId && isKnownOffline() && hasOfflineStorage()) {
      await keepForLater(request, idempotencyKey, userId);
      return;
    }
    try {
      await put.mutateAsync({ consultationId, code, countryIso3, request, idempotencyKey });
    } catch (error) {
      // No answer at all (not a refusal): the same rating, with the same key, waits in the outbox.
      if (userId && isNetworkFailure(error) && hasOfflineStorage()) {
        await keepForLater(request, idempotencyKey, userId);
        return;
      }
      throw error;
    }
    keys.settle();
    await draft.clear();
    setOutcome(t('ratingForm.saved', { country }));
  });

  return (
    <form noValidate className="form" onSubmit={submit} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <RadioGroupField
        form={form}
        name="score"
        legend={labels.score}
        hint={t('ratingForm.scoreHint')}
        options={RATING_CHOICES.map((choice) => ({
          value: choice,
          label: choice === 'dontKnow' ? scaleLabel(choice) : t('ratingForm.scoreOption', { value: choice, label: scaleLabel(choice) }),
        }))}
      />
      <TextAreaField
        form={form}
        name="evidence"
        label={labels.evidence}
        hint={t('ratingForm.evidenceHint')}
        maxCharacters={EVIDENCE_MAX_LENGTH}
        rows={4}
      />
      <TextField
        form={form}
        name="evidenceUrl"
        type="url"
        label={labels.evidenceUrl}
        hint={t('ratingForm.evidenceUrlHint')}
        inputMode="url"
        spellCheck={false}
        autoCapitalize="none"
        dir="ltr"
      />
      {existing ? <p className="hint">{t('ratingForm.replaces')}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button">
          {form.submitting ? t('form.saving') : t('ratingForm.submit')}
        </button>
      </div>
      <StatusMessage>{pending ? t('ratingForm.queued', { country }) : outcome}</StatusMessage>
    </form>
  );
}
