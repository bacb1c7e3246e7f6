import '../../../test/fake-indexeddb';
import { jest } from '@jest/globals';
import { ErrorCode, type Comment } from '@compact-voices/contracts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Providers } from '../../../app/providers';
import { authSession } from '../../../lib/auth-session';
import { initI18n } from '../../../lib/i18n';
import { commentDraftScope, loadDraft } from '../../../lib/offline/drafts';
import { outboxItems } from '../../../lib/offline/outbox';
import { createQueryClient } from '../../../lib/query-client';
import { ROUND_ID, comment, nepal } from '../../../test/consultation-fixtures';
import { participant } from '../../../test/fixtures';
import { setUpOfflineState } from '../../../test/offline-state';
import { errorReply, mockApi, type MockApi, type MockRoutes } from '../../../test/mock-api';
import { CommentComposer } from './comment-composer';

const POST = `POST /api/v1/consultations/${ROUND_ID}/recommendations/PC-1/comments`;

function openComposer(routes: MockRoutes, parent?: Comment): MockApi {
  const api = mockApi(routes);
  render(
    <Providers queryClient={createQueryClient()}>
      <CommentComposer consultationId={ROUND_ID} code="PC-1" countries={[nepal]} parent={parent} onPosted={() => undefined} />
    </Providers>,
  );
  return api;
}

const box = () => screen.getByRole('textbox', { name: 'Your comment' }) as HTMLTextAreaElement;
const post = () => fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));

describe('comment composer', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
  });

  it('refuses a comment of spaces and line breaks, as the API would, with the field’s own message', async () => {
    api = openComposer({});
    fireEvent.change(box(), { target: { value: ' \n\t ' } });
    fireEvent.blur(box());
    expect(box().getAttribute('aria-invalid')).toBe('true');
    post();
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Your comment: Write your comment.');
    expect(api.calls).toEqual([]);
  });

  it('puts a 400 detail about the text on the text box, and sends only what was chosen', async () => {
    api = openComposer({
      [POST]: errorReply(400, ErrorCode.VALIDATION_FAILED, 'Validation failed', [
        { field: 'body', reason: 'maxLength', message: 'body must be shorter than or equal to 5000 characters' },
      ]),
    });
    fireEvent.change(box(), { target: { value: '  Fees must be banned.  ' } });
    post();
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Your comment: This is too long.');
    expect(box().getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0].body).toEqual({ body: 'Fees must be banned.', language: 'en' });
  });

  it('records the language it is written in: the interface language unless changed, checked against the script', async () => {
    api = openComposer({ [POST]: { status: 201, body: comment({ id: 'c-3' }) } });
    const language = screen.getByLabelText('Written in') as HTMLSelectElement;
    expect(language.value).toBe('en');
    fireEvent.change(box(), { target: { value: 'นายจ้างยึดหนังสือเดินทางของฉันไว้และไม่ยอมคืน' } });
    // Thai letters rule English out: the form says so, and one click sets Thai.
    const hint = await screen.findByText('This looks like Thai.', { exact: false });
    fireEvent.click(within(hint).getByRole('button', { name: 'Set it to ไทย' }));
    expect(language.value).toBe('th');
    expect(screen.queryByText('This looks like Thai.', { exact: false })).toBeNull();
    post();
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0].body).toEqual({ body: 'นายจ้างยึดหนังสือเดินทางของฉันไว้และไม่ยอมคืน', language: 'th' });
  });

  it('sends no language for "another language", and never blocks a mismatch', async () => {
    api = openComposer({ [POST]: { status: 201, body: comment({ id: 'c-4' }) } });
    fireEvent.change(screen.getByLabelText('Written in'), { target: { value: '' } });
    fireEvent.change(box(), { target: { value: 'Ang aking amo ay hindi nagbabayad ng sahod.' } });
    post();
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0].body).toEqual({ body: 'Ang aking amo ay hindi nagbabayad ng sahod.' });
  });

  it('sends a reply with its parent and without a country', async () => {
    const parent = comment({ id: 'c-1' });
    api = openComposer({ [POST]: { status: 201, body: comment({ id: 'c-2', parentId: 'c-1' }) } }, parent);
    fireEvent.change(screen.getByRole('textbox', { name: /reply/i }), { target: { value: 'Agreed.' } });
    fireEvent.change(screen.getByLabelText('Your stance (optional)'), { target: { value: 'supports' } });
    fireEvent.click(screen.getByRole('button', { name: /reply/i }));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0].body).toEqual({ body: 'Agreed.', language: 'en', stance: 'supports', parentId: 'c-1' });
  });
});

describe('comment composer, offline', () => {
  let api: MockApi | undefined;
  const scope = commentDraftScope(ROUND_ID, 'PC-1');

  setUpOfflineState(() => api);

  it('keeps a comment that got no answer in the outbox, with the key every attempt carried, and says so', async () => {
    // The shortest back-off between the automatic retries (lib/idempotency.ts).
    jest.spyOn(Math, 'random').mockReturnValue(0);
    api = openComposer({
      [POST]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    fireEvent.change(box(), { target: { value: 'Written on the bus, without a signal.' } });
    post();
    await screen.findByText(/will be sent when you are back online/i, undefined, { timeout: 10_000 });

    const [queued] = await outboxItems();
    expect(queued).toMatchObject({
      method: 'POST',
      path: `/consultations/${ROUND_ID}/recommendations/PC-1/comments`,
      body: { body: 'Written on the bus, without a signal.' },
      userId: participant.id,
      kind: 'comment',
    });
    const keys = new Set(api.calls.map((call) => call.headers['idempotency-key']));
    expect(api.calls.length).toBeGreaterThan(1);
    expect([...keys]).toEqual([queued.idempotencyKey]);
    // The text is in the outbox now: the box is free for the next one, and no draft repeats it.
    expect(box().value).toBe('');
    await waitFor(async () => expect(await loadDraft(participant.id, scope)).toBeUndefined());
  }, 15_000);

  it('queues at once when the browser knows it is offline', async () => {
    const onLine = jest.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    api = openComposer({});
    fireEvent.change(box(), { target: { value: 'No signal here.' } });
    post();
    await screen.findByText(/will be sent when you are back online/i);
    expect(api.calls).toEqual([]);
    await expect(outboxItems()).resolves.toHaveLength(1);
    onLine.mockRestore();
  });

  it('does not queue a comment the API refused (a 4xx): it shows why', async () => {
    api = openComposer({ [POST]: errorReply(409, ErrorCode.CONSULTATION_CLOSED, 'Closed') });
    fireEvent.change(box(), { target: { value: 'Too late.' } });
    post();
    await screen.findByRole('alert');
    await expect(outboxItems()).resolves.toEqual([]);
    expect(screen.queryByText(/will be sent when you are back online/i)).toBeNull();
  });

  it('brings back what was typed after the form was closed, and forgets it once sent', async () => {
    api = openComposer({ [POST]: { status: 201, body: comment({ id: 'c-9', body: 'Half a thought, finished.' }) } });
    fireEvent.change(box(), { target: { value: 'Half a thought' } });
    await waitFor(async () => expect(await loadDraft(participant.id, scope)).toMatchObject({ body: 'Half a thought' }));
    cleanup();

    openComposer({ [POST]: { status: 201, body: comment({ id: 'c-9' }) } });
    await waitFor(() => expect(box().value).toBe('Half a thought'));
    fireEvent.change(box(), { target: { value: 'Half a thought, finished.' } });
    post();
    await waitFor(() => expect(box().value).toBe(''));
    await waitFor(async () => expect(await loadDraft(participant.id, scope)).toBeUndefined());
    cleanup();

    openComposer({});
    // Given the time a restore would take, the box stays empty.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(box().value).toBe('');
  });

  it('keeps a draft per person: another one signed in on the same phone does not get it', async () => {
    api = openComposer({});
    fireEvent.change(box(), { target: { value: 'Mine only' } });
    await waitFor(async () => expect(await loadDraft(participant.id, scope)).toMatchObject({ body: 'Mine only' }));
    cleanup();

    authSession.accept({ accessToken: 'other-token', expiresIn: 900, user: { ...participant, id: 'someone-else' } });
    openComposer({});
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(box().value).toBe('');
  });
});
