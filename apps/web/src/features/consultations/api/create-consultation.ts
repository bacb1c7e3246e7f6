import type { Consultation, CreateConsultationRequest } from '@compact-voices/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api-client';
import { consultationQueryOptions } from './get-consultation';
import { consultationsQueryOptions } from './get-consultations';

/** POST /consultations — admins; 201, the round starts as a draft. */
export function createConsultation(request: CreateConsultationRequest): Promise<Consultation> {
  return apiPost<Consultation>('/consultations', request);
}

export function useCreateConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createConsultation,
    onSuccess: async (consultation) => {
      queryClient.setQueryData(consultationQueryOptions(consultation.id).queryKey, consultation);
      await queryClient.invalidateQueries({ queryKey: consultationsQueryOptions().queryKey });
    },
  });
}
