import type { Consultation } from '@compact-voices/contracts';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { changeLocale, initI18n } from '../../lib/i18n';
import { ROUND_ID, round } from '../../test/consultation-fixtures';
import { hr1Detail, humanRights, peopleCentredness } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const OTHER_ID = '7c1e2d3f-4a5b-4c6d-8e7f-901234567890';
const CLOSED_ID = '5d2f0c55-3f37-4c8e-9a44-3b1b6c1f2a22';
/** Open, but about another recommendation only. */
const otherRound: Consultation = { ...round, id: OTHER_ID, title: 'Labour migration check-in', recommendationCodes: ['PC-1'] };
/** Discusses HR-1, but no longer takes contributions. */
const closedRound: Consultation = { ...round, id: CLOSED_ID, title: 'Pilot round 2026', status: 'closed', acceptingContributions: false };

describe('recommendation page', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(async () => {
    cleanup();
    api.restore();
    await changeLocale('en');
  });

  it('shows the text, the note as a footnote and every linked objective with its rationale', async () => {
    api = mockApi({
      '/api/v1/recommendations/HR-1': { body: hr1Detail },
      '/api/v1/principles': { body: { items: [peopleCentredness, humanRights] } },
      '/api/v1/consultations': { body: { items: [] } },
    });
    renderApp('/recommendations/HR-1');

    const heading = await screen.findByRole('heading', { level: 1, name: /Recommendation\W+HR-1/ });
    expect(screen.getAllByRole('heading', { level: 1 })).toEqual([heading]);
    expect(screen.getByText(hr1Detail.text, { exact: false })).toBeTruthy();

    const objectives = screen.getByRole('region', { name: /Objectives of the Global Compact/ });
    const items = within(objectives).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    hr1Detail.objectives.forEach((objective, index) => {
      const link = within(items[index]).getByRole('link');
      expect(link.getAttribute('href')).toBe(`/objectives/${objective.number}`);
      expect(link.textContent).toContain(objective.title);
      expect(items[index].textContent).toContain(objective.rationale);
    });

    const note = screen.getByRole('complementary', { name: 'Note' });
    expect(note.textContent).toContain('The core human rights treaties are as follows');
    const marker = screen.getByRole('link', { name: 'Note 1' });
    expect(marker.getAttribute('href')).toBe(`#${note.id}`);

    const principleLink = await screen.findByRole('link', { name: 'Human rights' });
    expect(principleLink.getAttribute('href')).toBe('/principles/HR');
    expect(document.title).toBe('Recommendation HR-1 · Compact Voices');
    expect(api.requests).toContain('/api/v1/recommendations/HR-1');
  });

  it('shows a not-found page with its own heading for an unknown code', async () => {
    api = mockApi({
      '/api/v1/recommendations/HR-9': errorReply(404, 'RECOMMENDATION_NOT_FOUND'),
      '/api/v1/principles': { body: { items: [humanRights] } },
    });
    renderApp('/recommendations/HR-9');

    expect(await screen.findByRole('heading', { level: 1, name: 'Recommendation not found' })).toBeTruthy();
    expect(screen.getByText(/There is no recommendation with the code/).textContent).toContain('HR-9');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not call the API for a malformed code', async () => {
    api = mockApi({ '/api/v1/principles': { body: { items: [humanRights] } } });
    renderApp('/recommendations/not-a-code');

    expect(await screen.findByRole('heading', { level: 1, name: 'Recommendation not found' })).toBeTruthy();
    expect(api.requests.filter((url) => url.startsWith('/api/v1/recommendations'))).toEqual([]);
  });

  it('announces a server failure as an alert with a retry button', async () => {
    api = mockApi({
      '/api/v1/recommendations/HR-1': errorReply(503, 'SERVICE_UNAVAILABLE'),
      '/api/v1/principles': { body: { items: [humanRights] } },
    });
    renderApp('/recommendations/HR-1');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The service is temporarily unavailable');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Something went wrong' })).toBeTruthy();
  });

  it('shows a loading status while the recommendation is on its way', async () => {
    api = mockApi({
      '/api/v1/recommendations/HR-1': { body: hr1Detail },
      '/api/v1/principles': { body: { items: [humanRights] } },
      '/api/v1/consultations': { body: { items: [] } },
    });
    renderApp('/recommendations/HR-1');
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    await screen.findByRole('heading', { level: 1 });
    // The open rounds may still be on their way, with a status of their own, gone once they are in.
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });

  describe('rounds open for comment on it', () => {
    const coverage = {
      items: [
        { recommendationCode: 'PC-1', raters: 12, countriesRated: 3, comments: 7 },
        { recommendationCode: 'HR-1', raters: 5, countriesRated: 2, comments: 1 },
      ],
    };
    /** HR-1, its principle, three rounds (one open about it, one about PC-1 only, one closed) and the open one's coverage. */
    const openRoundRoutes = {
      '/api/v1/recommendations/HR-1': { body: hr1Detail },
      '/api/v1/principles': { body: { items: [humanRights] } },
      '/api/v1/consultations': { body: { items: [otherRound, closedRound, round] } },
      [`/api/v1/consultations/${ROUND_ID}/coverage`]: { body: coverage },
    };

    it('shows each open round that discusses it, right after the text, with its thread’s counts and a link into the thread', async () => {
      api = mockApi(openRoundRoutes);
      renderApp('/recommendations/HR-1');

      const section = await screen.findByRole('region', { name: 'Discuss this recommendation' });
      const items = within(section).getAllByRole('listitem');
      expect(items).toHaveLength(1);
      const [item] = items;
      expect(within(item).getByRole('heading', { level: 3, name: 'Regional review 2027' })).toBeTruthy();
      expect(item.querySelector('time')?.getAttribute('dateTime')).toBe(round.closesAt);
      // HR-1's own figures, not PC-1's nor the round's.
      expect((await within(item).findByText('1 comment')).parentElement?.textContent).toMatch(
        /^Closes: .+ · , 1 comment · , 5 people have rated it$/,
      );
      expect(item.textContent).not.toMatch(/7 comments|12 people/);

      const join = within(item).getByRole('link', { name: /^Join the discussion\W+Regional review 2027$/ });
      expect(join.getAttribute('href')).toBe(`/consultations/${ROUND_ID}/recommendations/HR-1`);
      expect(join.className).toContain('button');

      // Neither the round about PC-1 only, nor the closed one, nor their coverage.
      expect(section.textContent).not.toContain('Labour migration check-in');
      expect(section.textContent).not.toContain('Pilot round 2026');
      expect(api.requests.filter((url) => url.endsWith('/coverage'))).toEqual([`/api/v1/consultations/${ROUND_ID}/coverage`]);

      // High on the page: after the text, before the note and the objectives.
      const text = screen.getByText(hr1Detail.text, { exact: false });
      const note = screen.getByRole('complementary', { name: 'Note' });
      expect(text.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(section.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });

    it('says so right under the heading, with a link into the thread, from the same request as the rounds', async () => {
      api = mockApi(openRoundRoutes);
      renderApp('/recommendations/HR-1');

      const heading = await screen.findByRole('heading', { level: 1, name: /Recommendation\W+HR-1/ });
      // The pointer first, the round's card in the section further down second.
      await screen.findByRole('region', { name: 'Discuss this recommendation' });
      const links = screen.getAllByRole('link', { name: /^Join the discussion\W+Regional review 2027$/ });
      expect(links).toHaveLength(2);
      const [link] = links;
      const pointer = link.closest('p')!;
      expect(pointer.textContent).toBe('Open for comment — : Join the discussion: Regional review 2027');
      expect(link.getAttribute('href')).toBe(`/consultations/${ROUND_ID}/recommendations/HR-1`);
      // Between the heading and the text: on a phone, within the first screen whatever the text's length.
      const text = screen.getByText(hr1Detail.text, { exact: false });
      expect(heading.compareDocumentPosition(pointer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(pointer.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      // The section further down shares the one list of rounds.
      expect(api.requests.filter((url) => url.startsWith('/api/v1/consultations') && !url.endsWith('/coverage'))).toEqual([
        '/api/v1/consultations',
      ]);
    });

    it('leads to the open rounds further down when several discuss it, and moves focus there', async () => {
      const SECOND_ID = '0b9d8c7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
      const secondRound: Consultation = { ...round, id: SECOND_ID, title: 'Civil society review', recommendationCodes: ['HR-1'] };
      api = mockApi({
        '/api/v1/recommendations/HR-1': { body: hr1Detail },
        '/api/v1/principles': { body: { items: [humanRights] } },
        '/api/v1/consultations': { body: { items: [round, secondRound] } },
        [`/api/v1/consultations/${ROUND_ID}/coverage`]: { body: coverage },
        [`/api/v1/consultations/${SECOND_ID}/coverage`]: { body: coverage },
      });
      renderApp('/recommendations/HR-1');

      const section = await screen.findByRole('region', { name: 'Discuss this recommendation' });
      expect(within(section).getAllByRole('listitem')).toHaveLength(2);
      const link = screen.getByRole('link', { name: 'Join the discussion' });
      expect(link.closest('p')?.textContent).toBe('Open for comment — : Join the discussion');
      expect(link.getAttribute('href')).toBe(`#${section.id}`);
      link.click();
      expect(document.activeElement).toBe(within(section).getByRole('heading', { level: 2, name: 'Discuss this recommendation' }));
    });

    it('shows nothing when no open round discusses it', async () => {
      api = mockApi({
        '/api/v1/recommendations/HR-1': { body: hr1Detail },
        '/api/v1/principles': { body: { items: [humanRights] } },
        '/api/v1/consultations': { body: { items: [otherRound, closedRound] } },
      });
      renderApp('/recommendations/HR-1');

      await screen.findByRole('heading', { level: 1, name: /Recommendation\W+HR-1/ });
      await waitFor(() => expect(api.requests).toContain('/api/v1/consultations'));
      await waitFor(() => expect(screen.queryByText('Looking for rounds that are open for comment…')).toBeNull());
      expect(screen.queryByRole('heading', { name: 'Discuss this recommendation' })).toBeNull();
      expect(screen.queryByRole('link', { name: /Join the discussion/ })).toBeNull();
      expect(api.requests.filter((url) => url.endsWith('/coverage'))).toEqual([]);
    });

    it('counts in the reader’s language, with its plural forms (Urdu)', async () => {
      await changeLocale('ur');
      api = mockApi({
        '/api/v1/recommendations/HR-1?locale=ur': { body: hr1Detail },
        '/api/v1/principles?locale=ur': { body: { items: [humanRights] } },
        '/api/v1/consultations': { body: { items: [round] } },
        [`/api/v1/consultations/${ROUND_ID}/coverage`]: { body: coverage },
      });
      renderApp('/recommendations/HR-1');

      const section = await screen.findByRole('region', { name: 'اس سفارش پر گفتگو کریں' });
      expect(document.querySelector('.open-rounds-pointer')?.textContent).toMatch(/^تبصروں کے لیے کھلی ہے — : گفتگو میں شامل ہوں/);
      expect(await within(section).findByText('1 تبصرہ')).toBeTruthy();
      expect(within(section).getByText('5 افراد نے اس کی درجہ بندی کی ہے')).toBeTruthy();
      expect(
        within(section)
          .getByRole('link', { name: /^گفتگو میں شامل ہوں\W+Regional review 2027$/ })
          .getAttribute('href'),
      ).toBe(`/consultations/${ROUND_ID}/recommendations/HR-1`);
    });
  });
});
