import type { AdminUser, Me, RoundRoleHolder, RoundRoleList, SetRoundRoleRequest } from '@compact-voices/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { authSession } from '../../../lib/auth-session';
import { initI18n } from '../../../lib/i18n';
import { ROUND_ID, nepal, philippines, round } from '../../../test/consultation-fixtures';
import { hr1, humanRights, participant, pc1, peopleCentredness } from '../../../test/fixtures';
import { errorReply, mockApi, type MockApi, type MockRoutes } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const admin: Me = { ...participant, roles: ['participant', 'admin'] };
const MAYA_ID = 'a1000000-0000-4000-8000-000000000001';
const RAVI_ID = 'a1000000-0000-4000-8000-000000000002';
const maya: RoundRoleHolder = { userId: MAYA_ID, displayName: 'Maya Moderator', governmentTies: ['NPL'] };
const ravi: RoundRoleHolder = { userId: RAVI_ID, displayName: 'Ravi Reviewer', governmentTies: ['PHL', 'NPL'] };

function adminUser(person: RoundRoleHolder, overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: person.userId,
    email: `${person.displayName.split(' ')[0]!.toLowerCase()}@example.org`,
    displayName: person.displayName,
    roles: ['participant'],
    emailVerified: true,
    privacyMode: 'public',
    status: 'active',
    createdAt: '2026-01-01T00:00:00.000Z',
    governmentTies: person.governmentTies,
    ...overrides,
  };
}

function list(people: RoundRoleHolder[]): RoundRoleList {
  return { userIds: people.map((person) => person.userId).sort(), people };
}

/** The edit page of `round`, with the catalogue and countries its form needs. */
function editPageRoutes(extra: MockRoutes): MockRoutes {
  return {
    '/api/v1/notifications?limit=1': { body: { items: [], nextCursor: null, unread: 0 } },
    [`/api/v1/consultations/${ROUND_ID}`]: { body: round },
    '/api/v1/principles': { body: { items: [peopleCentredness, humanRights] } },
    '/api/v1/recommendations': { body: { items: [pc1, hr1] } },
    '/api/v1/countries': { body: { items: [nepal, philippines] } },
    ...extra,
  };
}

/** A <p> whose whole text is `text` (the ties line is split over a label and the country names). */
function paragraph(text: string) {
  return (_: string, element: Element | null) => element?.tagName === 'P' && element.textContent === text;
}

describe('round team panel (admin edit page of a round)', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  it('lists the moderators with their government ties, finds a person, adds them with the full list, and removes one', async () => {
    let moderators = [maya];
    const puts: SetRoundRoleRequest[] = [];
    api = mockApi(
      editPageRoutes({
        [`/api/v1/consultations/${ROUND_ID}/moderators`]: () => ({ body: list(moderators) }),
        [`/api/v1/consultations/${ROUND_ID}/safeguarding-officers`]: { body: list([]) },
        '/api/v1/users?q=ra': {
          body: {
            items: [
              adminUser(ravi),
              adminUser(maya),
              adminUser({ userId: 'gone', displayName: 'Erased Ravana', governmentTies: [] }, { status: 'erased' }),
            ],
          },
        },
        [`PUT /api/v1/consultations/${ROUND_ID}/moderators`]: (call) => {
          const request = call.body as SetRoundRoleRequest;
          puts.push(request);
          moderators = [maya, ravi].filter((person) => request.userIds.includes(person.userId));
          return { body: list(moderators) };
        },
      }),
    );
    renderApp(`/admin/consultations/${ROUND_ID}/edit`, { user: admin });

    const moderatorsHeading = await screen.findByRole('heading', { level: 2, name: 'Moderators' });
    const section = moderatorsHeading.closest('section')!;
    expect(screen.getByRole('heading', { level: 2, name: 'Safeguarding officers' })).toBeTruthy();
    const current = await within(section).findByRole('list', { name: 'Moderators' });
    const mayaItem = within(current).getByText('Maya Moderator').closest('li')!;
    expect(within(mayaItem).getByText(paragraph('Government tie: Nepal'))).toBeTruthy();

    // One character is not enough to search.
    const search = within(section).getByLabelText('Find a person to add as moderator');
    fireEvent.change(search, { target: { value: 'r' } });
    fireEvent.change(search, { target: { value: 'ra' } });
    const matches = await within(section).findByRole('list', { name: 'People to add as moderator' });
    expect(api.requests.filter((url) => url.startsWith('/api/v1/users'))).toEqual(['/api/v1/users?q=ra']);
    expect(within(section).getByText('2 people found.')).toBeTruthy();
    const raviMatch = within(matches).getByText('Ravi Reviewer').closest('li')!;
    expect(within(raviMatch).getByText(paragraph('Government ties: Philippines, Nepal'))).toBeTruthy();
    // Maya already moderates; an erased account cannot be assigned.
    expect(within(matches).queryByRole('button', { name: 'Add Maya Moderator as moderator' })).toBeNull();
    expect(within(matches).getByText('Already a moderator of this round')).toBeTruthy();
    expect(within(matches).queryByText('Erased Ravana')).toBeNull();

    fireEvent.click(within(raviMatch).getByRole('button', { name: 'Add Ravi Reviewer as moderator' }));
    expect(await within(section).findByText('Ravi Reviewer is now a moderator of this round.')).toBeTruthy();
    expect(puts[0]).toEqual({ userIds: [MAYA_ID, RAVI_ID] });
    await within(current).findByText('Ravi Reviewer');

    fireEvent.click(within(section).getByRole('button', { name: 'Remove Maya Moderator as moderator' }));
    expect(await within(section).findByText('Maya Moderator is no longer a moderator of this round.')).toBeTruthy();
    expect(puts[1]).toEqual({ userIds: [RAVI_ID] });
    await waitFor(() => expect(within(current).queryByText('Maya Moderator')).toBeNull());
  });

  it('says when nobody handles safeguarding, and shows the API’s error when an assignment is refused', async () => {
    api = mockApi(
      editPageRoutes({
        [`/api/v1/consultations/${ROUND_ID}/moderators`]: { body: list([]) },
        [`/api/v1/consultations/${ROUND_ID}/safeguarding-officers`]: { body: list([]) },
        '/api/v1/users?q=maya': { body: { items: [adminUser(maya)] } },
        [`PUT /api/v1/consultations/${ROUND_ID}/safeguarding-officers`]: errorReply(
          400,
          'USER_NOT_FOUND',
          'Every person assigned must be an active account',
        ),
      }),
    );
    renderApp(`/admin/consultations/${ROUND_ID}/edit`, { user: admin });

    const section = (await screen.findByRole('heading', { level: 2, name: 'Safeguarding officers' })).closest('section')!;
    expect(
      await within(section).findByText(
        'No safeguarding officer has been assigned: administrators handle this round’s safeguarding reports.',
      ),
    ).toBeTruthy();
    fireEvent.change(within(section).getByLabelText('Find a person to add as safeguarding officer'), { target: { value: 'maya' } });
    fireEvent.click(await within(section).findByRole('button', { name: 'Add Maya Moderator as safeguarding officer' }));
    expect((await within(section).findByRole('alert')).textContent).toContain('This account could not be found.');
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({ userIds: [MAYA_ID] });
  });
});
