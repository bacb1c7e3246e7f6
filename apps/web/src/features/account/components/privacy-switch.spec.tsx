import type { Me, UpdateMeRequest } from '@compact-voices/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { authSession } from '../../../lib/auth-session';
import { initI18n } from '../../../lib/i18n';
import { participant } from '../../../test/fixtures';
import { errorReply, mockApi, type MockApi } from '../../../test/mock-api';
import { TEST_ACCESS_TOKEN, renderApp } from '../../../test/render-app';

describe('protected mode switch', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  function accountName(): string {
    const nav = screen.getByRole('navigation', { name: 'Your account' });
    return within(nav).getAllByRole('link')[0].textContent ?? '';
  }

  it('explains what protected mode shows and hides, then PATCHes /me with privacyMode and shows the pseudonym in the header', async () => {
    let current: Me = participant;
    api = mockApi({
      'GET /api/v1/me': () => ({ body: current }),
      'PATCH /api/v1/me': (call) => {
        current = { ...current, ...(call.body as UpdateMeRequest) };
        return { body: current };
      },
    });
    renderApp('/account/privacy', { user: participant });

    const toggle = await screen.findByRole('switch', { name: 'Protected mode' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    const main = screen.getByRole('main');
    expect(main.textContent).toContain('Your pseudonym: Quiet Heron 42');
    expect(main.textContent).toContain('Government moderators can never see who you are.');
    expect(within(main).getByRole('heading', { name: 'What is hidden' })).toBeTruthy();
    expect(accountName()).toBe('Your account: Amina Rahman');

    fireEvent.click(toggle);

    await waitFor(() => expect(api.calls.some((call) => call.method === 'PATCH')).toBe(true));
    const patch = api.calls.find((call) => call.method === 'PATCH');
    expect(patch?.url).toBe('/api/v1/me');
    expect(patch?.body).toEqual({ privacyMode: 'protected' });
    expect(patch?.headers.authorization).toBe(`Bearer ${TEST_ACCESS_TOKEN}`);

    expect(await screen.findByText('Protected mode is on. Others now see you as Quiet Heron 42.')).toBeTruthy();
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    // The header shows the name others see: now the pseudonym, never the real name.
    expect(accountName()).toBe('Your account: Quiet Heron 42');
    expect(screen.getByRole('banner').textContent).not.toContain('Amina Rahman');

    fireEvent.click(toggle);
    await screen.findByText('Protected mode is off. Others now see you as Amina Rahman.');
    expect(api.calls.filter((call) => call.method === 'PATCH').map((call) => call.body)).toEqual([
      { privacyMode: 'protected' },
      { privacyMode: 'public' },
    ]);
  });

  it('goes back to the saved state and says why when the change fails', async () => {
    api = mockApi({
      'GET /api/v1/me': { body: participant },
      'PATCH /api/v1/me': errorReply(503, 'SERVICE_UNAVAILABLE'),
    });
    renderApp('/account/privacy', { user: participant });
    const toggle = await screen.findByRole('switch', { name: 'Protected mode' });
    fireEvent.click(toggle);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('temporarily unavailable');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(accountName()).toBe('Your account: Amina Rahman');
  });
});
