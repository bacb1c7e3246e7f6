import { useMutation } from '@tanstack/react-query';
import { apiRequestText } from '../../../lib/api-client';

/**
 * GET /me/export — everything stored about the signed-in person, as JSON. Fetched with the
 * Bearer token (a plain link would need the token in its URL) and handed over as a file.
 */
export function exportMyData(): Promise<string> {
  return apiRequestText('/me/export');
}

export function useExportMyData() {
  return useMutation({ mutationFn: exportMyData });
}
