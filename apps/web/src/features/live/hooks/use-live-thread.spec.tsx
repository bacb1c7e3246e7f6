import { jest } from '@jest/globals';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import type { ThreadRef } from '@compact-voices/contracts';
import type { CreateLiveSocket } from '../../../lib/live/live-connection';
import { ROUND_ID, comment } from '../../../test/consultation-fixtures';
import { FakeSocket } from '../../../test/fake-socket';
import { mockApi, type MockApi } from '../../../test/mock-api';
// Pages compose features; this test composes the three that listen live, to see them share one socket.
import { setExportSocketForTests, useExportJobs } from '../../exports/hooks/use-export-jobs';
import { setNotificationSocketForTests, useLiveNotifications } from '../../notifications/hooks/use-live-notifications';
import { useLiveThread, type LiveThreadState } from './use-live-thread';

describe('useLiveThread on the tab’s one socket', () => {
  let sockets: FakeSocket[];
  let createSocket: CreateLiveSocket;
  let api: MockApi;

  beforeEach(() => {
    sockets = [];
    createSocket = async (auth) => {
      const socket = new FakeSocket(auth);
      sockets.push(socket);
      return socket;
    };
    setNotificationSocketForTests(createSocket);
    setExportSocketForTests(createSocket);
    api = mockApi({ '/api/v1/exports': { body: { items: [] } } });
  });
  afterEach(() => {
    cleanup();
    api.restore();
    setNotificationSocketForTests(null);
    setExportSocketForTests(null);
  });

  it('puts two thread panels, notifications and export progress on one socket, and closes it when the page goes', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const invalidate = jest.spyOn(queryClient, 'invalidateQueries');
    const states: Record<string, LiveThreadState> = {};
    let exportStatus = '';
    function Panel({ code }: { code: string }) {
      states[code] = useLiveThread(ROUND_ID, code, { createSocket });
      return null;
    }
    function Page() {
      useLiveNotifications(true);
      exportStatus = useExportJobs().liveStatus;
      return (
        <>
          <Panel code="PC-1" />
          <Panel code="HR-1" />
        </>
      );
    }
    const page = render(
      <QueryClientProvider client={queryClient}>
        <Page />
      </QueryClientProvider>,
    );

    await waitFor(() => expect(states['PC-1']?.status).toBe('live'));
    await waitFor(() => expect(states['HR-1']?.status).toBe('live'));
    expect(exportStatus).toBe('live');
    expect(sockets).toHaveLength(1);
    const socket = sockets[0];
    expect(
      socket.sent.filter((entry) => entry.event === 'thread:join').map((entry) => (entry.args[0] as ThreadRef).recommendationCode),
    ).toEqual(['PC-1', 'HR-1']);

    // Presence names its thread: each panel shows its own.
    act(() => {
      socket.serverEmit('presence', { count: 2, consultationId: ROUND_ID, recommendationCode: 'PC-1' });
      socket.serverEmit('presence', { count: 5, consultationId: ROUND_ID, recommendationCode: 'HR-1' });
    });
    expect([states['PC-1'].presence, states['HR-1'].presence]).toEqual([2, 5]);

    // A comment reaches the panel of its thread only.
    act(() => socket.serverEmit('comment.created', { ...comment({ id: 'c-9', recommendationCode: 'HR-1' }), seq: 1 }));
    await waitFor(() => expect(states['HR-1'].arrivals.map((arrival) => arrival.comment.id)).toEqual(['c-9']));
    expect(states['PC-1'].arrivals).toEqual([]);

    // A notification on the same socket refreshes the notifications.
    act(() => socket.serverEmit('notification', { id: 'n-1' }));
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['notifications'] });

    page.unmount();
    await waitFor(() => expect(socket.connected).toBe(false));
    expect(socket.sent.filter((entry) => entry.event === 'thread:leave')).toHaveLength(2);
    expect(sockets).toHaveLength(1);
  });
});
