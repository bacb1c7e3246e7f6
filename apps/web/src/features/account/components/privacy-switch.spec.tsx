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
    // Off, there is no pseudonym yet: a new one is drawn when protection starts.
    expect(main.textContent).not.toContain('Quiet Heron 42');
    expect(main.textContent).toContain('When you turn protected mode on, you get a new pseudonym');
    expect(main.textContent).toContain('Government moderators can never see who you are.');
    expect(main.textContent).toContain('see you only as “Protected member” and a short code');
    expect(toggle.getAttribute('aria-describedby')).toContain('privacy-switch-earlier');
    expect(document.getElementById('privacy-switch-earlier')?.textContent).toContain('keep the name they were published with');
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
    expect(main.textContent).toContain('Your pseudonym: Quiet Heron 42');
    // The choice about earlier comments belongs to turning protection on.
    expect(screen.queryByRole('checkbox')).toBeNull();
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

  it('offers to show earlier public comments as "Former participant" when turning protection on, and says it did', async () => {
    let current: Me = participant;
    api = mockApi({
      'GET /api/v1/me': () => ({ body: current }),
      'PATCH /api/v1/me': (call) => {
        const { privacyMode } = call.body as UpdateMeRequest;
        current = { ...current, ...(privacyMode ? { privacyMode } : {}), pseudonym: 'Participant 7K2M9Q' };
        return { body: current };
      },
    });
    renderApp('/account/privacy', { user: participant });

    const choice = await screen.findByRole('checkbox', { name: 'Also show my earlier public comments as “Former participant”' });
    expect(choice.getAttribute('aria-describedby')).toBe('privacy-anonymise-hint');
    expect((choice as HTMLInputElement).checked).toBe(false);
    fireEvent.click(choice);
    fireEvent.click(screen.getByRole('switch', { name: 'Protected mode' }));

    expect(
      await screen.findByText(
        'Protected mode is on. Others now see you as Participant 7K2M9Q. Your earlier public comments now show “Former participant”.',
      ),
    ).toBeTruthy();
    expect(api.calls.filter((call) => call.method === 'PATCH').map((call) => call.body)).toEqual([
      { privacyMode: 'protected', anonymisePublicContributions: true },
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
