import '../../../test/fake-indexeddb';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../../../app/providers';
import { authSession } from '../../../lib/auth-session';
import { createQueryClient } from '../../../lib/query-client';
import { enqueue, outboxItems } from '../../../lib/offline/outbox';
import { participant } from '../../../test/fixtures';
import { mockApi, type MockApi } from '../../../test/mock-api';
import { setUpOfflineState } from '../../../test/offline-state';
import { AccountMenu } from './account-menu';

/**
 * Signing out deletes this phone's outbox: a comment written offline would be lost without a word.
 * The menu asks first, and staying signed in keeps it.
 */
describe('signing out with writes still waiting to be sent', () => {
  let api: MockApi | undefined;
  setUpOfflineState(() => api);

  /** The API's sign-out, noting whether it was called. */
  function mockSignOut(): { called: boolean } {
    const signOut = { called: false };
    api = mockApi({
      'POST /api/v1/auth/sign-out': () => {
        signOut.called = true;
        return { status: 204 };
      },
    });
    return signOut;
  }

  function renderMenu() {
    render(
      <Providers queryClient={createQueryClient()}>
        <MemoryRouter initialEntries={['/']}>
          <AccountMenu />
        </MemoryRouter>
      </Providers>,
    );
  }

  async function waitOne(): Promise<void> {
    await enqueue({
      method: 'POST',
      path: '/consultations/c1/recommendations/PC-1/comments',
      body: { body: 'Written on the night bus' },
      idempotencyKey: 'key-1',
      userId: participant.id,
      kind: 'comment',
      thread: { consultationId: 'c1', code: 'PC-1' },
    });
  }

  it('asks first, and staying signed in keeps what waits', async () => {
    const signOut = mockSignOut();
    await waitOne();
    renderMenu();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out and delete what is waiting?' });
    expect(dialog.textContent).toContain('1 waiting');

    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(signOut.called).toBe(false);
    expect(authSession.getState().status).toBe('signed-in');
    await expect(outboxItems()).resolves.toHaveLength(1);
  });

  it('signs out when the person confirms', async () => {
    const signOut = mockSignOut();
    await waitOne();
    renderMenu();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out and delete' }));
    await act(async () => {
      for (let tick = 0; tick < 20 && !signOut.called; tick++) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(signOut.called).toBe(true);
  });

  it('signs out at once when nothing waits', async () => {
    const signOut = mockSignOut();
    renderMenu();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await act(async () => {
      for (let tick = 0; tick < 20 && !signOut.called; tick++) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(signOut.called).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
