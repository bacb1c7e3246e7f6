import type { Me } from '@compact-voices/contracts';
import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../app/providers';
import { AppRoutes } from '../app/router';
import { authSession } from '../lib/auth-session';
import { createQueryClient } from '../lib/query-client';

export const TEST_ACCESS_TOKEN = 'test-access-token';

export interface RenderAppOptions {
  /** Signed in as this person (with TEST_ACCESS_TOKEN), or signed out with null. Left as is when absent. */
  user?: Me | null;
}

/** The whole app (shell + routes) at `url`, with a fresh cache and no retries. */
export function renderApp(url: string, options: RenderAppOptions = {}): RenderResult {
  if (options.user) authSession.accept({ accessToken: TEST_ACCESS_TOKEN, expiresIn: 900, user: options.user });
  else if (options.user === null) authSession.clear();
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return render(
    <Providers queryClient={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <AppRoutes />
      </MemoryRouter>
    </Providers>,
  );
}
