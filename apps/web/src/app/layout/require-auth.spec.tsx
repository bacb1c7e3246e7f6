import { cleanup, screen, within } from '@testing-library/react';
import { authSession } from '../../lib/auth-session';
import { initI18n } from '../../lib/i18n';
import { humanRights, participant } from '../../test/fixtures';
import { mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('pages that need a session', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  it('send signed-out people to sign in, which says it will bring them back; the header offers "Sign in"', async () => {
    api = mockApi({});
    renderApp('/account/sessions', { user: null });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.getByText('Sign in to continue. You will come back to the page you wanted.')).toBeTruthy();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(api.calls).toEqual([]);
  });

  it('keep administrators’ pages from other people, with one heading saying so', async () => {
    api = mockApi({ '/api/v1/users': { body: { items: [] } } });
    renderApp('/admin/users', { user: participant });

    expect(await screen.findByRole('heading', { level: 1, name: 'This page is for administrators' })).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(api.requests).not.toContain('/api/v1/users');
    // Not an admin: no admin link in the header either.
    expect(within(screen.getByRole('banner')).queryByRole('link', { name: 'Administration' })).toBeNull();
  });

  it('show the admin link to administrators', async () => {
    api = mockApi({ '/api/v1/principles': { body: { items: [humanRights] } } });
    renderApp('/', { user: { ...participant, roles: ['participant', 'admin'] } });
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'Administration' }).getAttribute('href')).toBe('/admin/users');
  });
});
