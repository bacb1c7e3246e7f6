import { ErrorCode } from '@compact-voices/contracts';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { authSession } from '../../lib/auth-session';
import { initI18n } from '../../lib/i18n';
import { participant } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('sign-in and mail-link pages', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  it('confirms the address with the token from the fragment, once', async () => {
    api = mockApi({ 'POST /api/v1/auth/verify-email': { body: { status: 'accepted' } } });
    renderApp('/verify-email#token=abc.123', { user: null });

    expect(await screen.findByRole('heading', { level: 1, name: 'Your email address is confirmed' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Your email address is confirmed. You can now sign in.');
    expect(api.calls.map((call) => [call.method, call.url, call.body])).toEqual([
      ['POST', '/api/v1/auth/verify-email', { token: 'abc.123' }],
    ]);
  });

  it('says when a mail link was already used, and offers a new one', async () => {
    api = mockApi({ 'POST /api/v1/auth/verify-email': errorReply(400, ErrorCode.INVALID_TOKEN) });
    renderApp('/verify-email#token=used', { user: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'This link no longer works' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Send me a new confirmation link' }).getAttribute('href')).toBe('/resend-verification');
  });

  it('does not call the API when the link has no token', async () => {
    api = mockApi({});
    renderApp('/reset-password', { user: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'This link is incomplete' })).toBeTruthy();
    expect(api.calls).toEqual([]);
  });

  it('signs in, keeps the token in memory and goes back to the page that asked for it', async () => {
    api = mockApi({
      'POST /api/v1/auth/sign-in': { body: { accessToken: 'signed-in-token', expiresIn: 900, user: participant } },
      'GET /api/v1/me/sessions': { body: { items: [] } },
    });
    renderApp('/sign-in?next=%2Faccount%2Fsessions', { user: null });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });

    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'amina@example.org' } });
    fireEvent.change(screen.getByLabelText('Password', { selector: 'input' }), { target: { value: 'river lantern morning' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Where you are signed in' })).toBeTruthy();
    expect(authSession.accessToken).toBe('signed-in-token');
    await waitFor(() => expect(api.requests).toContain('/api/v1/me/sessions'));
    expect(api.calls.find((call) => call.url === '/api/v1/me/sessions')?.headers.authorization).toBe('Bearer signed-in-token');
  });

  it('shows a wrong password as one message for the form, not for a field', async () => {
    api = mockApi({ 'POST /api/v1/auth/sign-in': errorReply(401, ErrorCode.INVALID_CREDENTIALS) });
    renderApp('/sign-in', { user: null });
    await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    fireEvent.change(screen.getByLabelText('Email address'), { target: { value: 'amina@example.org' } });
    fireEvent.change(screen.getByLabelText('Password', { selector: 'input' }), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The email address or the password is not right.');
    expect(screen.getByLabelText('Password', { selector: 'input' }).getAttribute('aria-invalid')).toBeNull();
    expect(authSession.getState().status).toBe('signed-out');
  });
});
