import type { AuditEntry, AuditVerification, PageResponse } from '@compact-voices/contracts';
import { infiniteQueryOptions, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';

export const AUDIT_PAGE_SIZE = 50;

/** GET /audit?before=&limit= — admins: the audit log, newest first. */
export function getAudit(before: string | null, signal?: AbortSignal): Promise<PageResponse<AuditEntry>> {
  return apiGet<PageResponse<AuditEntry>>('/audit', { params: { before, limit: AUDIT_PAGE_SIZE }, signal });
}

export function useAudit() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ['admin', 'audit'] as const,
      queryFn: ({ pageParam, signal }) => getAudit(pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (lastPage) => lastPage.nextCursor,
      staleTime: 0,
    }),
  );
}

/** GET /audit/verify — admins: recompute the hash chain; the first entry that does not match, if any. */
export function verifyAudit(): Promise<AuditVerification> {
  return apiGet<AuditVerification>('/audit/verify');
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}
