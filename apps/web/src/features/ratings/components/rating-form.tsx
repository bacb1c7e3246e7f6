import type { PutRatingRequest, Rating } from '@compact-voices/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/form/error-summary';
import { RadioGroupField } from '../../../components/form/radio-group-field';
import { TextAreaField } from '../../../components/form/text-area-field';
import { TextField } from '../../../components/form/text-field';
import { StatusMessage } from '../../../components/status-message';
import { useForm, type FormValues } from '../../../hooks/use-form';
import { IdempotencyKeys } from '../../../lib/idempotency';
import { fieldMessage } from '../../../lib/form-errors';
import { characterCount, checkOptionalUrl, compactErrors } from '../../../lib/validation';
import { usePutRating } from '../api/put-rating';
import { RATING_CHOICES, isRatingChoice, useScaleLabel, type RatingChoice } from '../../../lib/rating-scale';

export const EVIDENCE_MAX_LENGTH = 2000;
const EVIDENCE_URL_MAX_LENGTH = 500;

const FIELDS = ['score', 'evidence', 'evidenceUrl'] as const;
type Field = (typeof FIELDS)[number];

function validate(values: FormValues<Field>) {
  return compactErrors<Field>({
    score: isRatingChoice(values.score) ? undefined : fieldMessage('chooseRating'),
    evidence: characterCount(values.evidence) > EVIDENCE_MAX_LENGTH ? fieldMessage('tooLongMax', { max: EVIDENCE_MAX_LENGTH }) : undefined,
    evidenceUrl:
      values.evidenceUrl.trim().length > EVIDENCE_URL_MAX_LENGTH
        ? fieldMessage('tooLongMax', { max: EVIDENCE_URL_MAX_LENGTH })
        : checkOptionalUrl(values.evidenceUrl),
  });
}

/** The request for a choice: a score 0–4, or Don't know as `score: null, dontKnow: true`. Empty fields are left out (and so cleared). */
export function ratingRequest(values: FormValues<Field>): PutRatingRequest {
  const choice = values.score as RatingChoice;
  const evidence = values.evidence.trim();
  const evidenceUrl = values.evidenceUrl.trim();
  return {
    ...(choice === 'dontKnow' ? { score: null, dontKnow: true } : { score: Number(choice), dontKnow: false }),
    ...(evidence ? { evidence } : {}),
    ...(evidenceUrl ? { evidenceUrl } : {}),
  };
}

function initialValues(existing: Rating | undefined): FormValues<Field> {
  if (!existing) return { score: '', evidence: '', evidenceUrl: '' };
  return {
    score: existing.dontKnow || existing.score === null ? 'dontKnow' : String(existing.score),
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
 */
export function RatingForm({ consultationId, code, countryIso3, country, existing }: RatingFormProps) {
  const { t } = useTranslation();
  const scaleLabel = useScaleLabel();
  const put = usePutRating();
  const [keys] = useState(() => new IdempotencyKeys());
  const [outcome, setOutcome] = useState('');
  const form = useForm<Field>({
    id: `rating-${countryIso3}`,
    fields: FIELDS,
    initialValues: initialValues(existing),
    validate,
  });
  const labels: Record<Field, string> = {
    score: t('ratingForm.scoreLegend', { country }),
    evidence: t('ratingForm.evidenceLabel'),
    evidenceUrl: t('ratingForm.evidenceUrlLabel'),
  };

  const submit = form.handleSubmit(async (values) => {
    setOutcome('');
    const request = ratingRequest(values);
    const idempotencyKey = keys.keyFor({ consultationId, code, countryIso3, request });
    await put.mutateAsync({ consultationId, code, countryIso3, request, idempotencyKey });
    keys.settle();
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
      <StatusMessage>{outcome}</StatusMessage>
    </form>
  );
}
