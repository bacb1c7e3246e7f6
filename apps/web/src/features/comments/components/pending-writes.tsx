import type { Country } from '@compact-voices/contracts';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../components/country-options';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { isolate } from '../../../lib/i18n';
import type { OutboxItem } from '../../../lib/offline/outbox';
import { useThreadOutbox } from '../../../lib/offline/use-thread-outbox';
import { isRatingChoice, useScaleLabel } from '../../../lib/rating-scale';

interface PendingWritesProps {
  consultationId: string;
  code: string;
  countries: readonly Country[];
}

interface CommentBody {
  body?: string;
  parentId?: string;
}

interface RatingBody {
  score?: number | null;
  dontKnow?: boolean;
}

/**
 * What this person wrote in the thread without a connection: each comment, reply and rating that
 * waits in the outbox (lib/offline/), marked as waiting, or as refused with the reason once the API
 * turned it down for good. The text is shown as typed, never as HTML: only the server sanitises.
 */
export function PendingWrites({ consultationId, code, countries }: PendingWritesProps) {
  const { t } = useTranslation();
  const scaleLabel = useScaleLabel();
  const { items, dismiss } = useThreadOutbox(consultationId, code);
  if (items.length === 0) return null;

  const describe = (item: OutboxItem): { title: string; text: string | null } => {
    if (item.kind === 'comment') {
      const body = item.body as CommentBody;
      return { title: body.parentId ? t('offline.yourReply') : t('offline.yourComment'), text: body.body ?? '' };
    }
    const body = item.body as RatingBody;
    const choice = body.dontKnow || body.score === null || body.score === undefined ? 'dontKnow' : String(body.score);
    const country = isolate(countryName(countries, item.countryIso3 ?? ''));
    return { title: t('offline.yourRating', { country, rating: isRatingChoice(choice) ? scaleLabel(choice) : choice }), text: null };
  };

  return (
    <section aria-labelledby="pending-writes-heading" className="pending-writes">
      <h3 id="pending-writes-heading">{t('offline.pendingHeading')}</h3>
      <ol className="comment-list">
        {items.map((item) => {
          const { title, text } = describe(item);
          const stateId = `pending-${item.idempotencyKey}-state`;
          return (
            <li key={item.idempotencyKey}>
              <article className="comment comment--pending" aria-describedby={stateId}>
                <p className="comment__meta">
                  <strong>{title}</strong>
                </p>
                {text ? <p className="comment__plain-text">{text}</p> : null}
                <p
                  id={stateId}
                  className={item.failure ? 'comment__pending-state comment__pending-state--refused' : 'comment__pending-state'}
                >
                  {item.failure
                    ? t('offline.refused', { reason: errorMessage(t, new ApiError({ ...item.failure })) })
                    : t('offline.willSend')}
                </p>
                {item.failure ? (
                  <p>
                    <button type="button" className="button button--secondary" onClick={() => dismiss(item)}>
                      {t('offline.dismiss')}
                    </button>
                  </p>
                ) : null}
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
