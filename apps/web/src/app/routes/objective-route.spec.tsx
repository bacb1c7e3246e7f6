import { screen, within } from '@testing-library/react';
import { initI18n } from '../../lib/i18n';
import { hr1, hr2, humanRights, objective1, objective7, peopleCentredness, pc1 } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('objective page', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => api.restore());

  it('shows the objective title and its recommendations from /recommendations?objective=N', async () => {
    api = mockApi({
      '/api/v1/objectives': { body: { items: [objective1, objective7] } },
      '/api/v1/principles': { body: { items: [peopleCentredness, humanRights] } },
      // Deliberately out of the objective's order, which the page restores.
      '/api/v1/recommendations?objective=7': { body: { items: [hr2, pc1, hr1] } },
    });
    renderApp('/objectives/7');

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Objective 7: Address and reduce vulnerabilities in migration');
    const section = screen.getByRole('region', { name: 'Recommendations that help to achieve this objective' });
    const links = within(section).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/recommendations/PC-1',
      '/recommendations/HR-1',
      '/recommendations/HR-2',
    ]);
    expect(await within(section).findAllByText('Human rights')).toHaveLength(2);
    expect(api.requests).toContain('/api/v1/recommendations?objective=7');
  });

  it('is a not-found page for a number the Compact does not have, not an error', async () => {
    api = mockApi({
      '/api/v1/objectives': { body: { items: [objective1, objective7] } },
      '/api/v1/principles': { body: { items: [humanRights] } },
      '/api/v1/recommendations?objective=99': errorReply(400, 'VALIDATION_FAILED'),
    });
    renderApp('/objectives/99');

    expect(await screen.findByRole('heading', { level: 1, name: 'Objective not found' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
