import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setNotificationSocketForTests } from '../../features/notifications/hooks/use-live-notifications';
import { authSession } from '../../lib/auth-session';
import { initI18n } from '../../lib/i18n';
import { FakeSocket } from '../../test/fake-socket';
import { participant } from '../../test/fixtures';
import { mockApi, type MockApi } from '../../test/mock-api';
import { APPEAL_ID, DECISION_ID, appeal, decision, decisionNotification } from '../../test/moderation-fixtures';
import { renderApp } from '../../test/render-app';

describe('notifications and appeals', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
    setNotificationSocketForTests(null);
  });

  it('shows the unread count in the header link’s name, and bumps it when a notification arrives live', async () => {
    let unread = 1;
    api = mockApi({
      '/api/v1/notifications?limit=1': () => ({ body: { items: [], nextCursor: null, unread } }),
      '/api/v1/notifications?limit=20': () => ({ body: { items: [decisionNotification()], nextCursor: null, unread } }),
    });
    const sockets: FakeSocket[] = [];
    setNotificationSocketForTests(async (auth) => {
      const socket = new FakeSocket(auth);
      sockets.push(socket);
      return socket;
    });
    renderApp('/notifications', { user: participant });

    const banner = screen.getByRole('banner');
    expect(await within(banner).findByRole('link', { name: 'Notifications, 1 unread' })).toBeTruthy();
    await waitFor(() => expect(sockets[0]?.connected).toBe(true));
    // Not a thread socket: it joins no room.
    expect(sockets[0].joins()).toBe(0);

    unread = 2;
    act(() => sockets[0].serverEmit('notification', decisionNotification({ id: 'n-2' })));
    expect(await within(banner).findByRole('link', { name: 'Notifications, 2 unread' })).toBeTruthy();
  });

  it('lists a decision with its rule and reason, links to the appeal form, and marks it read', async () => {
    let read = false;
    api = mockApi({
      '/api/v1/notifications?limit=1': () => ({ body: { items: [], nextCursor: null, unread: read ? 0 : 1 } }),
      '/api/v1/notifications?limit=20': () => ({
        body: {
          items: [decisionNotification({ readAt: read ? '2026-11-28T00:00:00.000Z' : null })],
          nextCursor: null,
          unread: read ? 0 : 1,
        },
      }),
      'POST /api/v1/notifications/n-1/read': () => {
        read = true;
        return { status: 204 };
      },
    });
    renderApp('/notifications', { user: participant });

    const item = (
      await screen.findByRole('heading', { level: 2, name: /Your comment was hidden under rule .*R2.* \(Protect personal information\)\./ })
    ).closest('li')!;
    expect(within(item).getByText('It names a worker’s employer and town.')).toBeTruthy();
    expect(
      within(item)
        .getByRole('link', { name: /Read rule .*R2/ })
        .getAttribute('href'),
    ).toBe('/rules#R2');
    expect(
      within(item)
        .getByRole('link', { name: /Appeal this decision/ })
        .getAttribute('href'),
    ).toBe(`/appeals/new?decision=${DECISION_ID}`);
    expect(screen.getByText('1 notification is unread.')).toBeTruthy();

    fireEvent.click(within(item).getByRole('button', { name: 'Mark as read' }));
    expect(await screen.findByText('You have read all your notifications.')).toBeTruthy();
    expect(within(item).queryByRole('button', { name: 'Mark as read' })).toBeNull();
  });

  it('sends an appeal once and shows its status page', async () => {
    api = mockApi({
      '/api/v1/notifications?limit=1': { body: { items: [], nextCursor: null, unread: 0 } },
      [`/api/v1/moderation/decisions/${DECISION_ID}`]: { body: decision() },
      'POST /api/v1/appeals': { status: 201, body: appeal() },
    });
    renderApp(`/appeals/new?decision=${DECISION_ID}`, { user: participant });

    expect(await screen.findByRole('heading', { level: 1, name: 'Appeal a moderation decision' })).toBeTruthy();
    expect(screen.getByText('It names a worker’s employer and town.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send appeal' }));
    expect(await screen.findByText('Why should this decision be changed?: Say why the decision should be looked at again.')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'Why should this decision be changed?' }), {
      target: { value: 'The employer is public knowledge; I named no person.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send appeal' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your appeal' })).toBeTruthy();
    expect(screen.getByText('Your appeal has been sent.')).toBeTruthy();
    expect(screen.getByText(/Pending/)).toBeTruthy();
    const sent = api.calls.filter((call) => call.method === 'POST' && call.url === '/api/v1/appeals');
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toEqual({ decisionId: DECISION_ID, text: 'The employer is public knowledge; I named no person.' });
    expect(sent[0].headers['idempotency-key']).toBeTruthy();
  });

  it('shows an overturned appeal with the second moderator’s reason', async () => {
    api = mockApi({
      '/api/v1/notifications?limit=1': { body: { items: [], nextCursor: null, unread: 0 } },
      [`/api/v1/appeals/${APPEAL_ID}`]: {
        body: appeal({
          status: 'overturned',
          decidedAt: '2026-11-29T09:00:00.000Z',
          outcomeReason: 'The agency is publicly listed; no person is identified.',
        }),
      },
    });
    renderApp(`/appeals/${APPEAL_ID}`, { user: participant });
    expect(await screen.findByText('The decision was reversed: your comment has been restored.')).toBeTruthy();
    expect(screen.getByText('The agency is publicly listed; no person is identified.')).toBeTruthy();
  });
});
