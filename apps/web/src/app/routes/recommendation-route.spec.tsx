import { screen, within } from '@testing-library/react';
import { initI18n } from '../../lib/i18n';
import { hr1Detail, humanRights, peopleCentredness } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('recommendation page', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => api.restore());

  it('shows the text, the note as a footnote and every linked objective with its rationale', async () => {
    api = mockApi({
      '/api/v1/recommendations/HR-1': { body: hr1Detail },
      '/api/v1/principles': { body: { items: [peopleCentredness, humanRights] } },
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
    });
    renderApp('/recommendations/HR-1');
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('status')).toBeNull();
  });
});
