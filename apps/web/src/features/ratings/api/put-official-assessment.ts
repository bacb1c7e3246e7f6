import type { OfficialAssessment, PutOfficialAssessmentRequest } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { shouldRetryWrite, writeRetryDelay } from '../../../lib/idempotency';
import { ratingSummaryQueryOptions } from './get-rating-summary';

export interface PutOfficialVariables {
  consultationId: string;
  code: string;
  countryIso3: string;
  request: PutOfficialAssessmentRequest;
}

/**
 * PUT …/official/{iso3} — the country's own assessment, by a member of its verified government
 * organisation (else 403 NOT_GOVERNMENT_REPRESENTATIVE).
 */
export function putOfficialAssessment({ consultationId, code, countryIso3, request }: PutOfficialVariables): Promise<OfficialAssessment> {
  return apiRequest<OfficialAssessment>(
    `/consultations/${encodeURIComponent(consultationId)}/recommendations/${encodeURIComponent(code)}/official/${encodeURIComponent(countryIso3)}`,
    { method: 'PUT', body: request },
  );
}

export function usePutOfficialAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putOfficialAssessment,
    retry: shouldRetryWrite,
    retryDelay: (attempt) => writeRetryDelay(attempt),
    onSuccess: (_official, { consultationId, code, countryIso3 }) =>
      queryClient.invalidateQueries({ queryKey: ratingSummaryQueryOptions(consultationId, code, countryIso3).queryKey }),
  });
}
