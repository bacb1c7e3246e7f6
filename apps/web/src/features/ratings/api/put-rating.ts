import type { PutRatingRequest, Rating } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { IDEMPOTENCY_HEADER, shouldRetryWrite, writeRetryDelay } from '../../../lib/idempotency';
import { myRatingsQueryOptions, type RatingList } from './get-my-ratings';
import { ratingSummaryQueryOptions } from './get-rating-summary';

export interface PutRatingVariables {
  consultationId: string;
  code: string;
  countryIso3: string;
  /** `{ score: 0–4 }`, or `{ score: null, dontKnow: true }` for Don't know. */
  request: PutRatingRequest;
  idempotencyKey: string;
}

/** PUT …/ratings/{iso3} — creates or replaces my rating of that country (the old one is kept as history). */
export function putRating({ consultationId, code, countryIso3, request, idempotencyKey }: PutRatingVariables): Promise<Rating> {
  return apiRequest<Rating>(ratingPath(consultationId, code, countryIso3), {
    method: 'PUT',
    body: request,
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

/** Where my rating of one country is put (also by the offline outbox, lib/offline/). */
export function ratingPath(consultationId: string, code: string, countryIso3: string): string {
  return `/consultations/${encodeURIComponent(consultationId)}/recommendations/${encodeURIComponent(code)}/ratings/${encodeURIComponent(countryIso3)}`;
}

export function usePutRating() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putRating,
    retry: shouldRetryWrite,
    retryDelay: (attempt) => writeRetryDelay(attempt),
    onSuccess: async (rating, { consultationId, code, countryIso3 }) => {
      queryClient.setQueryData<RatingList>(myRatingsQueryOptions(consultationId, code).queryKey, (current) => ({
        items: [...(current?.items ?? []).filter((item) => item.countryIso3 !== rating.countryIso3), rating],
      }));
      await queryClient.invalidateQueries({ queryKey: ratingSummaryQueryOptions(consultationId, code, countryIso3).queryKey });
    },
  });
}
