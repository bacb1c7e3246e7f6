import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { lazy, Suspense, type ComponentType } from 'react';
import { MemoryRouter, Outlet, Route, Routes, useLocation } from 'react-router';
import { Providers } from '../../../app/providers';
import { RequireAuth } from '../../../app/layout/require-auth';
import { authSession } from '../../../lib/auth-session';
import { initI18n } from '../../../lib/i18n';
import { createQueryClient } from '../../../lib/query-client';
import { participant } from '../../../test/fixtures';
import { mockApi, type MockApi } from '../../../test/mock-api';
import { TEST_ACCESS_TOKEN } from '../../../test/render-app';
import { AccountMenu } from './account-menu';

/** Every path the router showed, in order: a detour through "Sign in" would be listed. */
const visited: string[] = [];
function LocationLog() {
  const location = useLocation();
  if (visited.at(-1) !== location.pathname) visited.push(location.pathname);
  return null;
}

function Shell() {
  return (
    <>
      <header>
        <AccountMenu />
      </header>
      <LocationLog />
      <main>
        <Suspense fallback={<p>Loading the page</p>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}

describe('signing out from a page that needs a session', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
    visited.length = 0;
  });

  it('goes home, not to "Sign in", even when the home page’s code arrives after the sign-out could have', async () => {
    let signOutCalled = false;
    api = mockApi({
      'POST /api/v1/auth/sign-out': () => {
        signOutCalled = true;
        return { status: 204 };
      },
    });
    // The home page is a lazy chunk on a slow line: it loads only when the test says so.
    let deliverHome: (module: { default: ComponentType }) => void = () => undefined;
    const Home = lazy(() => new Promise<{ default: ComponentType }>((resolve) => (deliverHome = resolve)));
    authSession.accept({ accessToken: TEST_ACCESS_TOKEN, expiresIn: 900, user: participant });
    render(
      <Providers queryClient={createQueryClient()}>
        <MemoryRouter initialEntries={['/account']}>
          <Routes>
            <Route element={<Shell />}>
              <Route index element={<Home />} />
              <Route path="sign-in" element={<h1>Sign in</h1>} />
              <Route
                path="account"
                element={
                  <RequireAuth>
                    <h1>Your account</h1>
                  </RequireAuth>
                }
              />
            </Route>
          </Routes>
        </MemoryRouter>
      </Providers>,
    );
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    // Give any premature sign-out every chance to happen while the chunk is still on its way.
    await act(async () => {
      for (let tick = 0; tick < 10; tick++) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(signOutCalled).toBe(false);
    expect(authSession.accessToken).toBe(TEST_ACCESS_TOKEN);

    await act(async () => deliverHome({ default: () => <h1>Home</h1> }));
    expect(await screen.findByRole('heading', { name: 'Home' })).toBeTruthy();
    await act(async () => {
      for (let tick = 0; tick < 10 && !signOutCalled; tick++) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(signOutCalled).toBe(true);
    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(visited).not.toContain('/sign-in');
    expect(visited.at(-1)).toBe('/');
  });
});
