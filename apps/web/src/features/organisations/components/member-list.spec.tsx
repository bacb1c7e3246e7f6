import type { Me, Organisation, OrganisationMember } from '@compact-voices/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { authSession } from '../../../lib/auth-session';
import { initI18n } from '../../../lib/i18n';
import { participant } from '../../../test/fixtures';
import { mockApi, type MockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const ORG_ID = '3a9d6c1e-2b7f-4e0a-9c55-1d2e3f4a5b6c';
const organisation: Organisation = {
  id: ORG_ID,
  name: 'Pravasi Nepali Coordination Committee',
  stakeholderType: 'migrant-organisation',
  countryIso3: 'NPL',
  website: null,
  verified: true,
};
const admin: Me = {
  ...participant,
  memberships: [
    {
      organisationId: ORG_ID,
      organisationName: organisation.name,
      role: 'admin',
      status: 'active',
      stakeholderType: 'migrant-organisation',
      countryIso3: 'NPL',
      organisationVerified: true,
    },
  ],
};
const self: OrganisationMember = {
  memberId: 'a1a1a1a1-0000-4000-8000-000000000001',
  userId: admin.id,
  displayName: admin.displayName,
  role: 'admin',
  status: 'active',
  requestedAt: '2026-01-05T08:00:00.000Z',
};
const hidden: OrganisationMember = {
  memberId: 'b2b2b2b2-0000-4000-8000-000000000002',
  userId: null,
  displayName: 'Protected member 5CPB',
  role: 'member',
  status: 'pending',
  requestedAt: '2026-02-01T08:00:00.000Z',
};
const visible: OrganisationMember = {
  memberId: 'c3c3c3c3-0000-4000-8000-000000000003',
  userId: 'd4d4d4d4-0000-4000-8000-000000000004',
  displayName: 'Sita Gurung',
  role: 'member',
  status: 'active',
  requestedAt: '2026-02-02T08:00:00.000Z',
};

describe('organisation members', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  it('lets admins accept a protected member under its alias and remove members, each by membership id', async () => {
    let members = [self, hidden, visible];
    api = mockApi({
      'GET /api/v1/me': { body: admin },
      [`/api/v1/organisations/${ORG_ID}`]: { body: organisation },
      [`/api/v1/organisations/${ORG_ID}/members`]: () => ({ body: { items: members } }),
      [`POST /api/v1/organisations/${ORG_ID}/members/${hidden.memberId}/accept`]: () => {
        members = members.map((member) => (member.memberId === hidden.memberId ? { ...member, status: 'active' } : member));
        return { body: { ...hidden, status: 'active' } };
      },
      [`DELETE /api/v1/organisations/${ORG_ID}/members/${visible.memberId}`]: () => {
        members = members.filter((member) => member.memberId !== visible.memberId);
        return { status: 204 };
      },
    });
    renderApp(`/organisations/${ORG_ID}/members`, { user: admin });

    const requests = await screen.findByRole('heading', { name: '1 request to join' });
    const request = within(requests.closest('section')!).getByRole('listitem');
    expect(request.textContent).toContain('Protected member 5CPB');
    fireEvent.click(within(request).getByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('Protected member 5CPB is now a member.')).toBeTruthy();

    await screen.findByRole('heading', { name: '3 members' });
    const sita = screen.getByText('Sita Gurung').closest('li')!;
    fireEvent.click(within(sita).getByRole('button', { name: 'Remove from the organisation' }));
    expect(await screen.findByText('Sita Gurung has been removed.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Sita Gurung')).toBeNull());

    const decisions = api.calls.filter((call) => call.method !== 'GET').map((call) => `${call.method} ${call.url}`);
    expect(decisions).toEqual([
      `POST /api/v1/organisations/${ORG_ID}/members/${hidden.memberId}/accept`,
      `DELETE /api/v1/organisations/${ORG_ID}/members/${visible.memberId}`,
    ]);
    // The admin's own row is recognised by their account id, with no button to remove themselves.
    const own = screen.getByText('This is you. To leave, use the organisation’s page.').closest('li')!;
    expect(within(own).queryByRole('button')).toBeNull();
  });

  it.each([
    ['public', 'Its administrators will see your name.'],
    ['protected', 'Protected mode is on: its administrators will see you only as “Protected member” and a short code'],
  ] as const)('tells a person in %s mode what the organisation’s admins will see before they ask to join', async (privacyMode, text) => {
    const me: Me = { ...participant, privacyMode };
    api = mockApi({
      'GET /api/v1/me': { body: me },
      '/api/v1/countries': { body: { items: [] } },
      [`/api/v1/organisations/${ORG_ID}`]: { body: organisation },
    });
    renderApp(`/organisations/${ORG_ID}`, { user: me });
    const join = await screen.findByRole('button', { name: 'Ask to join' });
    const notice = document.getElementById(join.getAttribute('aria-describedby') ?? '');
    expect(notice?.textContent).toContain(text);
  });
});
