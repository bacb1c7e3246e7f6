import { fireEvent, screen, within } from '@testing-library/react';
import { initI18n } from '../../lib/i18n';
import { humanRights, hr1, hr2, objective1, objective7, peopleCentredness, pc1 } from '../../test/fixtures';
import { mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('search page', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => api.restore());

  function catalogueRoutes() {
    return {
      '/api/v1/principles': { body: { items: [peopleCentredness, humanRights] } },
      '/api/v1/objectives': { body: { items: [objective1, objective7] } },
    };
  }

  it('searches for the query and filters in the URL and lists the results', async () => {
    api = mockApi({
      ...catalogueRoutes(),
      '/api/v1/recommendations?principle=HR&objective=7&q=treaties': { body: { items: [hr1, hr2] } },
    });
    renderApp('/search?q=treaties&principle=HR&objective=7');

    const results = screen.getByRole('region', { name: 'Results' });
    expect(await within(results).findByText('2 recommendations found.')).toBeTruthy();
    const links = within(results).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/recommendations/HR-1', '/recommendations/HR-2']);
    expect(within(results).getByRole('status').textContent).toBe('2 recommendations found.');
    expect((screen.getByLabelText('Words to search for') as HTMLInputElement).value).toBe('treaties');
    expect(document.title).toBe('Search: treaties · Compact Voices');
  });

  it('asks for words instead of listing everything when there is no query or filter', async () => {
    api = mockApi(catalogueRoutes());
    renderApp('/search');
    expect(screen.getByRole('status').textContent).toBe('Type words to search for, or choose a principle or an objective.');
    await screen.findByRole('option', { name: 'Human rights' });
    expect(api.requests.some((url) => url.startsWith('/api/v1/recommendations'))).toBe(false);
  });

  it('submits the form into the URL and shows the new results', async () => {
    api = mockApi({
      ...catalogueRoutes(),
      '/api/v1/recommendations?principle=PC&q=policy': { body: { items: [pc1] } },
    });
    renderApp('/search');
    await screen.findByRole('option', { name: 'People-centredness' });

    const form = screen.getByRole('search', { name: 'Search and filters' });
    fireEvent.change(within(form).getByLabelText('Words to search for'), { target: { value: ' policy ' } });
    fireEvent.change(within(form).getByLabelText('Guiding principle'), { target: { value: 'PC' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('1 recommendation found.')).toBeTruthy();
    expect(api.requests).toContain('/api/v1/recommendations?principle=PC&q=policy');
  });

  it('says so when nothing matches', async () => {
    api = mockApi({
      ...catalogueRoutes(),
      '/api/v1/recommendations?q=zzz': { body: { items: [] } },
    });
    renderApp('/search?q=zzz');
    expect(await screen.findByText('No recommendation matches. Try other words or remove a filter.')).toBeTruthy();
  });
});
