import type { HouseRule, Me } from '@compact-voices/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { authSession } from '../../lib/auth-session';
import { initI18n } from '../../lib/i18n';
import { ROUND_ID, nepal, round } from '../../test/consultation-fixtures';
import { participant } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi, type MockRoutes } from '../../test/mock-api';
import { APPEAL_ID, appeal, decision, queueItem } from '../../test/moderation-fixtures';
import { renderApp } from '../../test/render-app';

const moderator: Me = { ...participant, id: 'm-1', displayName: 'Mona Moderator', roles: ['participant', 'moderator'] };
const rules: HouseRule[] = [
  { code: 'R1', version: 1, title: 'Respect people', text: '…', language: 'en', publishedAt: '2026-11-01T00:00:00.000Z' },
  { code: 'R2', version: 1, title: 'Protect personal information', text: '…', language: 'en', publishedAt: '2026-11-01T00:00:00.000Z' },
];
const QUEUE = `/api/v1/moderation/queue?consultationId=${ROUND_ID}&sort=oldest&limit=20`;

function routes(overrides: MockRoutes = {}): MockRoutes {
  return {
    [`/api/v1/consultations/${ROUND_ID}`]: { body: round },
    '/api/v1/countries': { body: { items: [nepal] } },
    '/api/v1/rules?locale=en': { body: { items: rules } },
    '/api/v1/notifications?limit=1': { body: { items: [], nextCursor: null, unread: 0 } },
    ...overrides,
  };
}

describe('moderation console', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  it('shows a queued comment with its flags and notes, and hides it under a rule with a reason and the version seen', async () => {
    let decided = false;
    api = mockApi(
      routes({
        [QUEUE]: () => ({ body: { items: decided ? [] : [queueItem()], nextCursor: null, consultationId: ROUND_ID } }),
        'POST /api/v1/moderation/decisions': () => {
          decided = true;
          return { status: 201, body: decision({ commentId: 'q-1' }) };
        },
      }),
    );
    renderApp(`/moderation/${ROUND_ID}`, { user: moderator });

    const item = (await screen.findByRole('heading', { level: 3, name: 'Comment by Quiet Heron 42' })).closest('li')!;
    expect(within(item).getByText('Call me on +977 555 0101.')).toBeTruthy();
    expect(within(item).getByText('Reported 3 times')).toBeTruthy();
    expect(within(item).getByText('Personal information: 2')).toBeTruthy();
    expect(within(item).getByText('Phone number of a worker')).toBeTruthy();
    expect(within(item).getByText('Reported by participants')).toBeTruthy();

    fireEvent.click(within(item).getByRole('button', { name: 'Hide' }));
    const dialog = screen.getByRole('dialog', { name: 'Hide the comment by Quiet Heron 42' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hide' }));
    expect(await within(dialog).findByText('House rule: Choose the house rule this decision applies.')).toBeTruthy();

    await within(dialog).findByRole('option', { name: 'R2 — Protect personal information' });
    fireEvent.change(within(dialog).getByLabelText('House rule'), { target: { value: 'R2' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason' }), { target: { value: 'It gives a private phone number.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hide' }));

    expect(await screen.findByText(/The comment by Quiet Heron 42 was hidden under rule .*R2/)).toBeTruthy();
    const sent = api.calls.find((call) => call.method === 'POST' && call.url === '/api/v1/moderation/decisions')!;
    expect(sent.body).toEqual({
      commentId: 'q-1',
      action: 'hide',
      ruleCode: 'R2',
      reason: 'It gives a private phone number.',
      expectedVersion: 3,
    });
    expect(await screen.findByText('Nothing is waiting for a decision.')).toBeTruthy();
  });

  it('says when another moderator decided first, and refreshes the queue', async () => {
    let queueReads = 0;
    api = mockApi(
      routes({
        [QUEUE]: () => {
          queueReads += 1;
          return { body: { items: [queueItem({}, { status: 'pending' })], nextCursor: null, consultationId: ROUND_ID } };
        },
        'POST /api/v1/moderation/decisions': errorReply(409, 'DECISION_CONFLICT'),
      }),
    );
    renderApp(`/moderation/${ROUND_ID}`, { user: moderator });
    fireEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = screen.getByRole('dialog');
    await within(dialog).findByRole('option', { name: 'R1 — Respect people' });
    fireEvent.change(within(dialog).getByLabelText('House rule'), { target: { value: 'R1' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason' }), { target: { value: 'Fine.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('Another moderator decided this a moment ago. The queue has been refreshed.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(queueReads).toBeGreaterThan(1));
  });

  it('shows a decision waiting for a co-signature, with the country, and lets another moderator co-sign', async () => {
    const waiting = decision({ id: 'd-wait', status: 'awaiting-cosign', appliedAt: null, decidedByMe: false, conflictCountryIso3: 'NPL' });
    api = mockApi(
      routes({
        [QUEUE]: { body: { items: [queueItem({ awaitingCosign: waiting })], nextCursor: null, consultationId: ROUND_ID } },
        'POST /api/v1/moderation/decisions/d-wait/cosign': {
          body: { ...waiting, status: 'applied', appliedAt: '2026-11-27T11:00:00.000Z' },
        },
      }),
    );
    renderApp(`/moderation/${ROUND_ID}`, { user: moderator });
    expect(await screen.findByText(/Waiting for a second moderator \(conflict of interest: Nepal\)\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hide' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Co-sign' }));
    expect(await screen.findByText(/was hidden under rule/)).toBeTruthy();
  });

  it('lists pending appeals with overdue ones marked in words, and explains the refusal to the original decider', async () => {
    api = mockApi(
      routes({
        [`/api/v1/moderation/appeals?consultationId=${ROUND_ID}&status=pending`]: {
          body: { items: [appeal(), appeal({ id: 'a-old', overdue: true, createdAt: '2026-11-01T00:00:00.000Z' })] },
        },
        [`/api/v1/moderation/appeals?consultationId=${ROUND_ID}&status=decided`]: { body: { items: [] } },
        [`POST /api/v1/appeals/${APPEAL_ID}/decision`]: errorReply(403, 'ORIGINAL_DECIDER'),
      }),
    );
    renderApp(`/moderation/${ROUND_ID}?tab=appeals`, { user: moderator });
    const list = await screen.findByRole('list', { name: 'Pending appeals' });
    const cards = within(list)
      .getAllByRole('listitem')
      .filter((element) => element.parentElement === list);
    expect(cards[0].textContent).toContain('Overdue');
    expect(cards[1].textContent).not.toContain('Overdue');

    fireEvent.click(within(cards[1]).getByRole('button', { name: 'Decide the appeal' }));
    const dialog = screen.getByRole('dialog', { name: 'Decide the appeal' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /Overturn/ }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason' }), { target: { value: 'No person is identified.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Decide' }));
    expect(await within(dialog).findByText('You made the original decision; another moderator must decide this appeal.')).toBeTruthy();
  });

  it('keeps the console from participants who moderate no round: only the list of their rounds is asked for', async () => {
    api = mockApi(routes({ '/api/v1/moderation/rounds': { body: { items: [], nextCursor: null } } }));
    renderApp(`/moderation/${ROUND_ID}`, { user: participant });
    expect(await screen.findByRole('heading', { level: 1, name: 'This page is for moderators' })).toBeTruthy();
    expect(api.requests.filter((url) => url.includes('/moderation/'))).toEqual(['/api/v1/moderation/rounds']);
  });

  it('opens the console to a participant the secretariat assigned to a round', async () => {
    api = mockApi(
      routes({
        '/api/v1/moderation/rounds': {
          body: {
            items: [
              {
                consultationId: ROUND_ID,
                title: 'Round',
                status: 'open',
                queued: 0,
                awaitingCosign: 0,
                pendingAppeals: 0,
                safeguards: false,
                safeguardingQueued: 0,
                moderates: true,
              },
            ],
            nextCursor: null,
          },
        },
        [QUEUE]: { body: { items: [], nextCursor: null, consultationId: ROUND_ID } },
      }),
    );
    renderApp(`/moderation/${ROUND_ID}`, { user: participant });
    expect(await screen.findByRole('heading', { level: 1, name: new RegExp(round.title) })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'This page is for moderators' })).toBeNull();
  });
});
