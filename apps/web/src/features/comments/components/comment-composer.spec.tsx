import { ErrorCode, type Comment } from '@compact-voices/contracts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Providers } from '../../../app/providers';
import { initI18n } from '../../../lib/i18n';
import { createQueryClient } from '../../../lib/query-client';
import { ROUND_ID, comment, nepal } from '../../../test/consultation-fixtures';
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
    expect(api.calls[0].body).toEqual({ body: 'Fees must be banned.' });
  });

  it('sends a reply with its parent and without a country', async () => {
    const parent = comment({ id: 'c-1' });
    api = openComposer({ [POST]: { status: 201, body: comment({ id: 'c-2', parentId: 'c-1' }) } }, parent);
    fireEvent.change(screen.getByRole('textbox', { name: /reply/i }), { target: { value: 'Agreed.' } });
    fireEvent.change(screen.getByLabelText('Your stance (optional)'), { target: { value: 'supports' } });
    fireEvent.click(screen.getByRole('button', { name: /reply/i }));
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0].body).toEqual({ body: 'Agreed.', stance: 'supports', parentId: 'c-1' });
  });
});
