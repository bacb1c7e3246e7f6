import type { Comment, HouseRule, Me, ModeratedRound } from '@compact-voices/contracts';
import { jest } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { HandshakeAuth } from '../../lib/live/live-connection';
import { authSession } from '../../lib/auth-session';
import { initI18n } from '../../lib/i18n';
import { ROUND_ID, comment, nepal, nepalSummary, pc1Detail, philippines, round, suppressedSummary } from '../../test/consultation-fixtures';
import { FakeSocket } from '../../test/fake-socket';
import { participant } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi, type MockRoutes } from '../../test/mock-api';
import { DECISION_ID, decision } from '../../test/moderation-fixtures';
import { renderApp } from '../../test/render-app';

// The thread page loads socket.io-client on demand: here it gets an in-memory socket instead.
jest.unstable_mockModule('socket.io-client', () => ({
  io: (_namespace: string, options: { auth: HandshakeAuth }) => new FakeSocket(options.auth),
}));

const THREAD = `/api/v1/consultations/${ROUND_ID}/recommendations/PC-1`;
const PAGE_URL = `/consultations/${ROUND_ID}/recommendations/PC-1`;
const DECISIONS = `/api/v1/moderation/decisions?consultationId=${ROUND_ID}`;
const moderator: Me = { ...participant, id: 'm-1', displayName: 'Mona Moderator', roles: ['participant', 'moderator'] };
const rules: HouseRule[] = [
  { code: 'R2', version: 1, title: 'Protect personal information', text: '…', language: 'en', publishedAt: '2026-11-01T00:00:00.000Z' },
];
const moderatedRound: ModeratedRound = {
  consultationId: ROUND_ID,
  title: round.title,
  status: 'open',
  queued: 0,
  awaitingCosign: 0,
  pendingAppeals: 0,
  safeguards: false,
  safeguardingQueued: 0,
  moderates: true,
};

const reply = comment({
  id: 'c-2',
  parentId: 'c-1',
  depth: 1,
  body: 'Agency X in Pokhara charges fees.',
  bodyHtml: '<p>Agency X in Pokhara charges fees.</p>',
  author: {
    displayName: 'Bashir Ahmed',
    stakeholderType: 'trade-union',
    organisation: { id: 'o-1', name: 'Workers Union', verified: false },
    countryIso3: 'NPL',
  },
});
const top = comment({
  id: 'c-1',
  body: 'Recruitment fees are still charged.',
  bodyHtml: '<p>Recruitment fees are still charged.</p>',
  author: {
    displayName: 'Ram Thapa',
    stakeholderType: 'government',
    organisation: { id: 'o-2', name: 'Ministry of Labour', verified: true },
    countryIso3: 'NPL',
  },
});

function routes(overrides: MockRoutes = {}, comments: Comment[] = [top, reply]): MockRoutes {
  return {
    [`/api/v1/consultations/${ROUND_ID}`]: { body: round },
    '/api/v1/recommendations/PC-1': { body: pc1Detail },
    '/api/v1/countries': { body: { items: [philippines, nepal] } },
    [`${THREAD}/comments?sort=newest&limit=20`]: { body: { items: comments, nextCursor: null } },
    [`${THREAD}/ratings/summary?country=NPL`]: { body: nepalSummary },
    [`${THREAD}/ratings/summary?country=PHL`]: { body: suppressedSummary },
    [`${THREAD}/ratings/mine`]: { body: { items: [] } },
    '/api/v1/me': { body: participant },
    '/api/v1/notifications?limit=1': { body: { items: [], nextCursor: null, unread: 0 } },
    '/api/v1/moderation/rounds': { body: { items: [] } },
    '/api/v1/rules?locale=en': { body: { items: rules } },
    ...overrides,
  };
}

function article(text: string): HTMLElement {
  return screen.getByText(text).closest('article')!;
}

describe('moderating from the thread', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  it('offers no moderator tools to a participant, and says which organisations are verified', async () => {
    api = mockApi(routes());
    renderApp(`${PAGE_URL}?country=NPL`, { user: participant });

    await screen.findByText('Agency X in Pokhara charges fees.');
    await waitFor(() => expect(api.requests).toContain('/api/v1/moderation/rounds'));
    expect(screen.queryByRole('button', { name: 'Moderate' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Co-sign' })).toBeNull();
    expect(api.requests.some((url) => url.startsWith('/api/v1/moderation/decisions'))).toBe(false);
    expect(within(article('Recruitment fees are still charged.')).getByText('Verified organisation')).toBeTruthy();
    expect(within(article('Agency X in Pokhara charges fees.')).getByText('Unverified organisation')).toBeTruthy();
    // The government's own assessment says whether its organisation is verified too.
    const official = screen.getByRole('heading', { name: 'Government’s own assessment' }).closest('section')!;
    expect(within(official).getByText('Verified organisation')).toBeTruthy();
  });

  it('lets a moderator hide a reply from its menu, and says when the decision waits for a co-signature', async () => {
    let proposed = false;
    api = mockApi(
      routes({
        '/api/v1/me': { body: moderator },
        '/api/v1/moderation/rounds': { body: { items: [moderatedRound] } },
        [DECISIONS]: () => ({
          body: {
            items: proposed
              ? [decision({ commentId: 'c-2', status: 'awaiting-cosign', appliedAt: null, decidedByMe: true, conflict: true })]
              : [],
          },
        }),
        'POST /api/v1/moderation/decisions': () => {
          proposed = true;
          return {
            status: 201,
            body: decision({ commentId: 'c-2', status: 'awaiting-cosign', appliedAt: null, decidedByMe: true, conflict: true }),
          };
        },
      }),
    );
    renderApp(PAGE_URL, { user: moderator });

    await screen.findByText('Agency X in Pokhara charges fees.');
    const theReply = article('Agency X in Pokhara charges fees.');
    fireEvent.click(await within(theReply).findByRole('button', { name: 'Moderate' }));
    const menu = screen.getByRole('dialog', { name: 'Moderate the comment by Bashir Ahmed' });
    expect(
      within(menu)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Close', 'Approve', 'Hide', 'Suspend author', 'Mark for report', 'History']);

    fireEvent.click(within(menu).getByRole('button', { name: 'Hide' }));
    const dialog = screen.getByRole('dialog', { name: 'Hide the comment by Bashir Ahmed' });
    await within(dialog).findByRole('option', { name: 'R2 — Protect personal information' });
    fireEvent.change(within(dialog).getByLabelText('House rule'), { target: { value: 'R2' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason' }), { target: { value: 'Names a private agency worker.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hide' }));

    expect(await within(dialog).findByText('Waiting for a second moderator to co-sign')).toBeTruthy();
    const sent = api.calls.find((call) => call.method === 'POST' && call.url === '/api/v1/moderation/decisions')!;
    expect(sent.body).toEqual({ commentId: 'c-2', action: 'hide', ruleCode: 'R2', reason: 'Names a private agency worker.' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));

    // On the comment too, from the round's decisions; the proposer does not co-sign their own.
    await waitFor(() =>
      expect(within(theReply).getByText('Waiting for a second moderator to co-sign', { selector: 'strong' })).toBeTruthy(),
    );
    expect(within(theReply).getByText(/Proposed: hidden under rule .*R2/)).toBeTruthy();
    expect(within(theReply).queryByRole('button', { name: 'Co-sign' })).toBeNull();
  });

  it('shows another moderator the proposal with "Co-sign", which co-signs it, and shows a refusal', async () => {
    let cosignAnswer = errorReply(403, 'COSIGN_NOT_ALLOWED', 'You cannot co-sign this decision; another moderator must');
    api = mockApi(
      routes({
        '/api/v1/me': { body: moderator },
        '/api/v1/moderation/rounds': { body: { items: [moderatedRound] } },
        [DECISIONS]: {
          body: { items: [decision({ commentId: 'c-2', status: 'awaiting-cosign', appliedAt: null, decidedByMe: false, conflict: true })] },
        },
        [`POST /api/v1/moderation/decisions/${DECISION_ID}/cosign`]: () => cosignAnswer,
      }),
    );
    renderApp(PAGE_URL, { user: moderator });

    await screen.findByText('Agency X in Pokhara charges fees.');
    const theReply = article('Agency X in Pokhara charges fees.');
    const cosign = await within(theReply).findByRole('button', { name: 'Co-sign' });
    expect(within(theReply).getByText(/Proposed: hidden under rule .*R2/)).toBeTruthy();
    // Nothing else to decide until it is co-signed.
    fireEvent.click(within(theReply).getByRole('button', { name: 'Moderate' }));
    const menu = screen.getByRole('dialog', { name: 'Moderate the comment by Bashir Ahmed' });
    expect(within(menu).queryByRole('button', { name: 'Hide' })).toBeNull();
    expect(within(menu).getByRole('button', { name: 'Co-sign' })).toBeTruthy();
    fireEvent.click(within(menu).getByRole('button', { name: 'Close' }));

    fireEvent.click(cosign);
    expect(
      await within(theReply).findByText(
        'You cannot co-sign this decision: a moderator without a tie to the country, or an administrator, must do it.',
      ),
    ).toBeTruthy();

    cosignAnswer = { status: 200, body: decision({ commentId: 'c-2', status: 'applied', cosignedBy: { displayName: 'Mona Moderator' } }) };
    fireEvent.click(within(theReply).getByRole('button', { name: 'Co-sign' }));
    expect(await within(theReply).findByText(/You co-signed: the decision under rule .*R2.* now applies/)).toBeTruthy();
    expect(
      api.calls.filter((call) => call.method === 'POST' && call.url === `/api/v1/moderation/decisions/${DECISION_ID}/cosign`),
    ).toHaveLength(2);
  });

  it('marks a comment for the report and shows its history with earlier versions', async () => {
    const edited = { ...top, editedAt: '2026-02-02T10:00:00.000Z' };
    api = mockApi(
      routes(
        {
          '/api/v1/me': { body: moderator },
          '/api/v1/moderation/rounds': { body: { items: [moderatedRound] } },
          [DECISIONS]: { body: { items: [] } },
          'PUT /api/v1/moderation/highlights/c-1': { body: { commentId: 'c-1', highlighted: true } },
          '/api/v1/moderation/comments/c-1/history': {
            body: {
              commentId: 'c-1',
              flags: [{ reason: 'spam', note: 'Looks like an advert', createdAt: '2026-02-01T12:00:00.000Z', resolved: true }],
              decisions: [
                decision({
                  commentId: 'c-1',
                  action: 'approve',
                  ruleCode: 'R2',
                  decidedBy: { displayName: 'Mona Moderator' },
                  cosignedBy: { displayName: 'Marco Moderator' },
                }),
              ],
            },
          },
          '/api/v1/comments/c-1/revisions': {
            body: {
              items: [{ body: 'Fees.', bodyHtml: '<p>First wording of the fees comment.</p>', replacedAt: '2026-02-02T10:00:00.000Z' }],
            },
          },
        },
        [edited],
      ),
    );
    renderApp(PAGE_URL, { user: moderator });

    const theComment = (await screen.findByText('Recruitment fees are still charged.')).closest('article')!;
    fireEvent.click(await within(theComment).findByRole('button', { name: 'Moderate' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Moderate the comment by Ram Thapa' })).getByRole('button', { name: 'Mark for report' }),
    );
    expect(await within(theComment).findByText('This comment will be quoted in the round’s report.')).toBeTruthy();
    const put = api.calls.find((call) => call.method === 'PUT')!;
    expect(put).toMatchObject({ url: '/api/v1/moderation/highlights/c-1', body: { highlighted: true } });

    fireEvent.click(within(theComment).getByRole('button', { name: 'Moderate' }));
    const menu = screen.getByRole('dialog', { name: 'Moderate the comment by Ram Thapa' });
    expect(within(menu).getByRole('button', { name: 'Unmark for report' })).toBeTruthy();
    fireEvent.click(within(menu).getByRole('button', { name: 'History' }));
    const history = screen.getByRole('dialog', { name: 'History of the comment by Ram Thapa' });
    expect(await within(history).findByText('Spam or advertising: 1')).toBeTruthy();
    expect(within(history).getByText('Looks like an advert')).toBeTruthy();
    expect(within(history).getByText(/By Mona Moderator/).textContent).toContain('co-signed by Marco Moderator');
    expect(within(history).getByText(/It names a worker’s employer and town\./)).toBeTruthy();
    expect(await within(history).findByText('First wording of the fees comment.')).toBeTruthy();
  });

  it('shows its author (not the public) an edit waiting for review', async () => {
    const mine = {
      ...top,
      mine: true,
      pendingEdit: {
        body: 'Fees are charged in Pokhara.',
        bodyHtml: '<p>Fees are charged in Pokhara.</p>',
        submittedAt: '2026-02-03T09:00:00.000Z',
      },
    };
    api = mockApi(routes({}, [mine]));
    renderApp(PAGE_URL, { user: participant });
    const theComment = (await screen.findByText('Recruitment fees are still charged.')).closest('article')!;
    expect(within(theComment).getByText('Your edit is waiting for review')).toBeTruthy();
    expect(within(theComment).getByText('Fees are charged in Pokhara.')).toBeTruthy();
    cleanup();
    api.restore();

    // The public gets no pendingEdit from the API, and reads the published text only.
    api = mockApi(routes({}, [top]));
    renderApp(PAGE_URL, { user: null });
    await screen.findByText('Recruitment fees are still charged.');
    expect(screen.queryByText('Your edit is waiting for review')).toBeNull();
  });

  it('tells a suspended person they can read and appeal, without a composer', async () => {
    const suspended: Me = { ...participant, suspendedUntil: '2099-03-01T23:59:59.000Z' };
    api = mockApi(routes({ '/api/v1/me': { body: suspended } }));
    renderApp(PAGE_URL, { user: suspended });
    expect(await screen.findByText(/Your account is suspended until .*2099.* You can still read and appeal/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See why, and appeal' }).getAttribute('href')).toBe('/notifications');
    await screen.findByText('Recruitment fees are still charged.');
    expect(screen.queryByRole('textbox', { name: 'Your comment' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();
  });

  it('shows the round suspension’s message when posting is refused', async () => {
    api = mockApi(routes({ [`POST ${THREAD}/comments`]: errorReply(403, 'SUSPENDED_IN_ROUND') }));
    renderApp(PAGE_URL, { user: participant });
    const box = await screen.findByRole('textbox', { name: 'Your comment' });
    fireEvent.change(box, { target: { value: 'Another point about fees.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findAllByText(/You cannot contribute to this consultation at the moment because of a suspension/)).not.toHaveLength(
      0,
    );
  });
});
