import { cleanup, screen, within } from '@testing-library/react';
import { authSession } from '../../lib/auth-session';
import { initI18n } from '../../lib/i18n';
import { ROUND_ID, comment, nepal, philippines, round } from '../../test/consultation-fixtures';
import { hr1, participant, pc1 } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('consultation pages', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  it('lists the rounds with their state, whether they take contributions, and their dates', async () => {
    const closed = {
      ...round,
      id: '5d2f0c55-3f37-4c8e-9a44-3b1b6c1f2a22',
      title: 'Pilot round 2026',
      status: 'closed' as const,
      acceptingContributions: false,
    };
    api = mockApi({ '/api/v1/consultations': { body: { items: [round, closed] } } });
    renderApp('/consultations', { user: null });

    const list = await screen.findByRole('list', { name: 'Consultation rounds' });
    const [open, past] = within(list).getAllByRole('listitem');
    expect(within(open).getByRole('link', { name: 'Regional review 2027' }).getAttribute('href')).toBe(`/consultations/${ROUND_ID}`);
    expect(open.textContent).toContain('Open for contributions');
    expect(open.querySelector('time')?.getAttribute('dateTime')).toBe(round.opensAt);
    expect(past.textContent).toContain('Closed');
    expect(past.textContent).not.toContain('Open for contributions');
    expect(screen.queryByRole('link', { name: 'Manage consultation rounds' })).toBeNull();
  });

  it('shows a round: its sanitised description, moderation, and a link to each recommendation’s thread', async () => {
    const admin = { ...participant, roles: ['participant' as const, 'admin' as const] };
    api = mockApi({
      [`/api/v1/consultations/${ROUND_ID}`]: { body: round },
      '/api/v1/recommendations': { body: { items: [pc1, hr1] } },
      '/api/v1/countries': { body: { items: [nepal, philippines] } },
      '/api/v1/me': { body: admin },
      [`/api/v1/consultations/${ROUND_ID}/comments?q=fees`]: {
        body: { items: [comment({ body: 'Recruitment fees are too high.', recommendationCode: 'HR-1' })] },
      },
      [`/api/v1/consultations/${ROUND_ID}/coverage`]: {
        body: {
          items: [
            { recommendationCode: 'PC-1', raters: 12, countriesRated: 3, comments: 1 },
            { recommendationCode: 'HR-1', raters: 0, countriesRated: 0, comments: 0 },
          ],
        },
      },
    });
    renderApp(`/consultations/${ROUND_ID}`, { user: admin });

    expect(await screen.findByRole('heading', { level: 1, name: /Regional review 2027/ })).toBeTruthy();
    expect(screen.getByText('how far', { selector: 'strong' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'How comments are moderated' }).textContent).toContain(
      'Comments appear as soon as they are posted.',
    );
    const threads = screen.getByRole('region', { name: '2 recommendations in this round' });
    const links = within(threads).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      `/consultations/${ROUND_ID}/recommendations/PC-1`,
      `/consultations/${ROUND_ID}/recommendations/HR-1`,
    ]);
    expect(await within(threads).findByText(/^Individuals, regardless of their region/)).toBeTruthy();
    // Coverage: how much each recommendation has been taken up, in words a screen reader reads in order.
    expect((await within(threads).findByText(/ratings of 12 people published/)).textContent).toBe(
      'ratings of 12 people published, for 3 countries · ; 1 comment',
    );
    expect(within(threads).getByText(/ratings of 0 people published/).textContent).toBe('ratings of 0 people published · ; 0 comments');
    expect(screen.getByRole('link', { name: 'Edit this round' }).getAttribute('href')).toBe(`/admin/consultations/${ROUND_ID}/edit`);
  });

  it('says when a round does not exist (or is a draft others cannot see)', async () => {
    api = mockApi({
      [`/api/v1/consultations/${ROUND_ID}`]: errorReply(404, 'CONSULTATION_NOT_FOUND'),
      '/api/v1/recommendations': { body: { items: [] } },
      '/api/v1/countries': { body: { items: [] } },
    });
    renderApp(`/consultations/${ROUND_ID}`, { user: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'Consultation round not found' })).toBeTruthy();
  });
});
