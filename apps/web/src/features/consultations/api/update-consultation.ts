import type { Consultation, UpdateConsultationRequest } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../lib/api-client';
import { consultationQueryOptions } from './get-consultation';
import { consultationsQueryOptions } from './get-consultations';

export interface UpdateConsultationVariables {
  id: string;
  changes: UpdateConsultationRequest;
}

/**
 * PATCH /consultations/{id} — admins: edit, or move the status (draft → open | archived,
 * open → closed | archived, closed → open | archived; else 409 INVALID_STATUS_TRANSITION).
 */
export function updateConsultation({ id, changes }: UpdateConsultationVariables): Promise<Consultation> {
  return apiPatch<Consultation>(`/consultations/${encodeURIComponent(id)}`, changes);
}

export function useUpdateConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateConsultation,
    onSuccess: async (consultation) => {
      queryClient.setQueryData(consultationQueryOptions(consultation.id).queryKey, consultation);
      await queryClient.invalidateQueries({ queryKey: consultationsQueryOptions().queryKey });
    },
  });
}
