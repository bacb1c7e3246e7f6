import type { Me } from '@compact-voices/contracts';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { authSession } from '../../lib/auth-session';
import { initI18n } from '../../lib/i18n';
import { participant } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const admin: Me = { ...participant, roles: ['participant', 'admin'] };
const base = { '/api/v1/notifications?limit=1': { body: { items: [], nextCursor: null, unread: 0 } } };

describe('admin moderation pages', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  it('pages the audit log and verifies the chain, naming the first broken entry', async () => {
    api = mockApi({
      ...base,
      '/api/v1/audit?limit=50': {
        body: {
          items: [
            {
              id: '12',
              at: '2026-11-27T10:00:00.000Z',
              action: 'moderation.decision',
              targetType: 'comment',
              targetId: 'c-1',
              actor: 'Maya Moderator',
              details: { action: 'hide' },
            },
          ],
          nextCursor: '12',
        },
      },
      '/api/v1/audit?before=12&limit=50': { body: { items: [], nextCursor: null } },
      '/api/v1/audit/verify': { body: { ok: false, entries: 12, firstBrokenId: '7' } },
    });
    renderApp('/admin/audit', { user: admin });
    const table = await screen.findByRole('table', { name: 'Audit log entries, newest first' });
    expect(within(table).getByText('Maya Moderator')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Verify chain' }));
    expect(await screen.findByText('The chain is broken: 12 entries checked; the first entry that does not match is 7.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    await screen.findByRole('table');
  });

  it('adds a word-filter term, shows TERM_EXISTS at the field, and removes a term', async () => {
    let added = false;
    api = mockApi({
      ...base,
      '/api/v1/moderation/word-filter': () => ({
        body: { items: added ? [{ id: 't-1', term: 'visa broker', action: 'hold', createdAt: '2026-11-27T10:00:00.000Z' }] : [] },
      }),
      'POST /api/v1/moderation/word-filter': (call) => {
        if ((call.body as { term: string }).term === 'dupe') return errorReply(409, 'TERM_EXISTS');
        added = true;
        return { status: 201, body: { id: 't-1', term: 'visa broker', action: 'hold', createdAt: '2026-11-27T10:00:00.000Z' } };
      },
      'DELETE /api/v1/moderation/word-filter/t-1': () => {
        added = false;
        return { status: 204 };
      },
    });
    renderApp('/admin/word-filter', { user: admin });
    expect(await screen.findByText('The word filter is empty.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Word or phrase'), { target: { value: 'dupe' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to the filter' }));
    expect(await screen.findByText('Word or phrase: This term is already in the word filter.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Word or phrase'), { target: { value: 'visa broker' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to the filter' }));
    expect(await screen.findByText('“visa broker” has been added.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove “visa broker”' }));
    expect(await screen.findByText('“visa broker” has been removed.')).toBeTruthy();
  });

  it('refuses a blank term and one over 100 characters, as the API would, without sending', async () => {
    api = mockApi({ ...base, '/api/v1/moderation/word-filter': { body: { items: [] } } });
    renderApp('/admin/word-filter', { user: admin });
    expect(await screen.findByText('The word filter is empty.')).toBeTruthy();
    const term = screen.getByLabelText('Word or phrase');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the filter' }));
    expect(await screen.findByText('Word or phrase: This field is required.')).toBeTruthy();

    fireEvent.change(term, { target: { value: 'w'.repeat(101) } });
    expect(term.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the filter' }));
    expect(await screen.findByText('Word or phrase: Use no more than 100 characters.')).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('lists suspensions and lifts one in force', async () => {
    api = mockApi({
      ...base,
      '/api/v1/moderation/sanctions': {
        body: {
          items: [
            {
              id: 's-1',
              until: '2099-01-01T00:00:00.000Z',
              ruleCode: 'R1',
              reason: 'Repeated insults.',
              createdAt: '2026-11-27T10:00:00.000Z',
              liftedAt: null,
              user: { displayName: 'Rude Ron' },
            },
          ],
        },
      },
      'DELETE /api/v1/moderation/sanctions/s-1': { status: 204 },
    });
    renderApp('/admin/sanctions', { user: admin });
    expect(await screen.findByRole('heading', { level: 2, name: 'Rude Ron' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lift the suspension' }));
    expect(await screen.findByText('The suspension of Rude Ron has been lifted.')).toBeTruthy();
  });
});
