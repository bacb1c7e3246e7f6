import type { Consultation } from '@compact-voices/contracts';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { initI18n } from '../../lib/i18n';
import { ROUND_ID, round } from '../../test/consultation-fixtures';
import { hr1, hr2, humanRights, objective7, pc1, peopleCentredness } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi, type MockRoutes } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const SECOND_ID = '7c1e2d3f-4a5b-4c6d-8e7f-901234567890';
const CLOSED_ID = '5d2f0c55-3f37-4c8e-9a44-3b1b6c1f2a22';
const UPCOMING_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** Open, closing before `round`: listed first. */
const closingSoon: Consultation = { ...round, id: SECOND_ID, title: 'Labour migration check-in', closesAt: '2098-06-30T00:00:00.000Z' };
const closed: Consultation = { ...round, id: CLOSED_ID, title: 'Pilot round 2026', status: 'closed', acceptingContributions: false };
/** Open by status, but its window has not started: it does not take contributions yet. */
const upcoming: Consultation = { ...round, id: UPCOMING_ID, title: 'Next year’s review', acceptingContributions: false };

function catalogue(consultations: Consultation[], extra: MockRoutes = {}): MockRoutes {
  return {
    '/api/v1/principles': { body: { items: [peopleCentredness, humanRights] } },
    '/api/v1/recommendations': { body: { items: [pc1, hr1, hr2] } },
    '/api/v1/objectives': { body: { items: [objective7] } },
    '/api/v1/consultations': { body: { items: consultations } },
    ...extra,
  };
}

describe('home page: rounds open for comment', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
  });

  it('lists each open round with its closing date, its published comments and a link into it, above the principles', async () => {
    api = mockApi(
      catalogue([round, closed, upcoming, closingSoon], {
        [`/api/v1/consultations/${ROUND_ID}/coverage`]: {
          body: {
            items: [
              { recommendationCode: 'PC-1', raters: 12, countriesRated: 3, comments: 3 },
              { recommendationCode: 'HR-1', raters: 0, countriesRated: 0, comments: 1 },
            ],
          },
        },
        [`/api/v1/consultations/${SECOND_ID}/coverage`]: {
          body: { items: [{ recommendationCode: 'PC-1', raters: 0, countriesRated: 0, comments: 1 }] },
        },
      }),
    );
    renderApp('/', { user: null });

    const section = await screen.findByRole('region', { name: 'Open for comment now' });
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [first, second] = items;

    // The round closing first comes first.
    expect(within(first).getByRole('heading', { level: 3, name: 'Labour migration check-in' })).toBeTruthy();
    expect(await within(first).findByText(/1 comment published/)).toBeTruthy();

    const heading = within(second).getByRole('heading', { level: 3, name: 'Regional review 2027' });
    expect(within(heading).getByRole('link').getAttribute('href')).toBe(`/consultations/${ROUND_ID}`);
    expect(second.querySelector('time')?.getAttribute('dateTime')).toBe(round.closesAt);
    expect(second.textContent).toContain('Closes:');
    // The sum of the published figures of the round's threads (3 + 1).
    // In words a screen reader reads in order.
    expect((await within(second).findByText('4 comments published')).parentElement?.textContent).toMatch(
      /^Closes: .+ · , 4 comments published$/,
    );

    // Every "Join the discussion" link is named after its round, so a list of links tells them apart.
    const join = within(second).getByRole('link', { name: /^Join the discussion\W+Regional review 2027$/ });
    expect(join.getAttribute('href')).toBe(`/consultations/${ROUND_ID}`);
    expect(join.className).toContain('button');
    expect(
      within(first)
        .getByRole('link', { name: /^Join the discussion\W+Labour migration check-in$/ })
        .getAttribute('href'),
    ).toBe(`/consultations/${SECOND_ID}`);

    // Neither the closed round nor the one not yet taking contributions, and no coverage asked for them.
    expect(section.textContent).not.toContain('Pilot round 2026');
    expect(section.textContent).not.toContain('Next year’s review');
    expect(api.requests.filter((url) => url.endsWith('/coverage')).sort()).toEqual(
      [`/api/v1/consultations/${ROUND_ID}/coverage`, `/api/v1/consultations/${SECOND_ID}/coverage`].sort(),
    );

    // After the lead paragraph, before the principles.
    const principles = await screen.findByRole('region', { name: 'The 10 guiding principles' });
    const lead = screen.getByText(/^Chapter 7 of the Asia-Pacific Migration Report 2020/);
    expect(lead.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.compareDocumentPosition(principles) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows a round without counts while its coverage cannot be had', async () => {
    let refused = false;
    api = mockApi(
      catalogue([round], {
        [`/api/v1/consultations/${ROUND_ID}/coverage`]: () => {
          refused = true;
          return errorReply(503, 'SERVICE_UNAVAILABLE');
        },
      }),
    );
    renderApp('/', { user: null });

    const section = await screen.findByRole('region', { name: 'Open for comment now' });
    expect(within(section).getByRole('link', { name: /^Join the discussion\W+Regional review 2027$/ })).toBeTruthy();
    await waitFor(() => expect(refused).toBe(true));
    await act(async () => {
      // Let the refusal reach the page.
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(section.textContent).not.toMatch(/comments? published/);
    expect(section.querySelector('time')?.getAttribute('dateTime')).toBe(round.closesAt);
    expect(within(section).queryByRole('alert')).toBeNull();
  });

  it('has no such section when no round takes contributions', async () => {
    api = mockApi(catalogue([closed, upcoming]));
    renderApp('/', { user: null });

    await screen.findByRole('region', { name: 'The 10 guiding principles' });
    await screen.findByRole('link', { name: 'Human rights' });
    expect(api.requests).toContain('/api/v1/consultations');
    expect(screen.queryByRole('heading', { name: 'Open for comment now' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Join the discussion/ })).toBeNull();
    expect(screen.queryByText('Looking for rounds that are open for comment…')).toBeNull();
    expect(api.requests.filter((url) => url.endsWith('/coverage'))).toEqual([]);
  });

  it('says while it looks for open rounds, and offers a retry when that fails', async () => {
    api = mockApi(catalogue([], { '/api/v1/consultations': errorReply(503, 'SERVICE_UNAVAILABLE') }));
    renderApp('/', { user: null });

    expect(screen.getByText('Looking for rounds that are open for comment…').getAttribute('role')).toBe('status');
    const section = await screen.findByRole('region', { name: 'Open for comment now' });
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('The service is temporarily unavailable');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
