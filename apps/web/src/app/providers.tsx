import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18nInstance } from 'i18next';
import { useEffect, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { authSession } from '../lib/auth-session';
import { i18n } from '../lib/i18n';
import { PERSONAL_QUERY_ROOTS } from '../lib/query-keys';

interface ProvidersProps {
  queryClient: QueryClient;
  /** The server render passes an instance of its own per request; the browser uses the shared one. */
  i18n?: I18nInstance;
  children: ReactNode;
}

/**
 * Drop every cached answer that depends on who is signed in as soon as that changes (sign-in,
 * sign-out, another person on a shared phone), before any page can show it.
 */
function usePersonalCacheReset(queryClient: QueryClient): void {
  useEffect(() => {
    let userId = authSession.getState().user?.id ?? null;
    return authSession.subscribe(() => {
      const next = authSession.getState().user?.id ?? null;
      if (next === userId) return;
      userId = next;
      for (const root of PERSONAL_QUERY_ROOTS) queryClient.removeQueries({ queryKey: [root] });
    });
  }, [queryClient]);
}

export function Providers({ queryClient, i18n: instance = i18n, children }: ProvidersProps) {
  usePersonalCacheReset(queryClient);
  return (
    <I18nextProvider i18n={instance}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
