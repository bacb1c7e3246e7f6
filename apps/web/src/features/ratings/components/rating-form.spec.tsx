import '../../../test/fake-indexeddb';
import { jest } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Providers } from '../../../app/providers';
import { loadDraft, ratingDraftScope } from '../../../lib/offline/drafts';
import { outboxItems } from '../../../lib/offline/outbox';
import { createQueryClient } from '../../../lib/query-client';
import { ROUND_ID } from '../../../test/consultation-fixtures';
import { participant } from '../../../test/fixtures';
import { setUpOfflineState } from '../../../test/offline-state';
import { mockApi, type MockApi, type MockRoutes } from '../../../test/mock-api';
import { RatingForm } from './rating-form';

const PUT = `PUT /api/v1/consultations/${ROUND_ID}/recommendations/PC-1/ratings/NPL`;

function openForm(routes: MockRoutes): MockApi {
  const api = mockApi(routes);
  render(
    <Providers queryClient={createQueryClient()}>
      <RatingForm consultationId={ROUND_ID} code="PC-1" countryIso3="NPL" country="Nepal" />
    </Providers>,
  );
  return api;
}

const choice = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('rating form, offline', () => {
  let api: MockApi | undefined;
  const scope = ratingDraftScope(ROUND_ID, 'PC-1', 'NPL');

  setUpOfflineState(() => api);

  it('brings an unsaved choice back after a reload, and forgets it once saved', async () => {
    api = openForm({});
    fireEvent.click(choice('2 – In progress'));
    await waitFor(async () => expect(await loadDraft(participant.id, scope)).toMatchObject({ score: '2' }));
    cleanup();

    api.restore();
    api = openForm({ [PUT]: { status: 200, body: { countryIso3: 'NPL', score: 2, dontKnow: false } } });
    await waitFor(() => expect(choice('2 – In progress').checked).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Save my rating' }));
    await screen.findByText(/Your rating for Nepal has been saved/);
    await waitFor(async () => expect(await loadDraft(participant.id, scope)).toBeUndefined());
  });

  it('keeps a rating made offline in the outbox with its key, and says it will be sent', async () => {
    const onLine = jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    api = openForm({});
    fireEvent.click(choice('4 – Fully implemented'));
    fireEvent.click(screen.getByRole('button', { name: 'Save my rating' }));
    await waitFor(async () => expect(await outboxItems()).toHaveLength(1));
    await screen.findByText(/your rating for Nepal is kept on this device and will be sent when you are back online/);
    const [queued] = await outboxItems();
    expect(queued).toMatchObject({
      method: 'PUT',
      path: `/consultations/${ROUND_ID}/recommendations/PC-1/ratings/NPL`,
      body: { score: 4, dontKnow: false },
      userId: participant.id,
      kind: 'rating',
      countryIso3: 'NPL',
    });
    expect(queued.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.calls).toEqual([]);
    onLine.mockRestore();
  });
});
