import { cleanup, screen, within } from '@testing-library/react';
import { initI18n } from '../../lib/i18n';
import { openDataPack, SHA } from '../../test/export-fixtures';
import { mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

describe('open data page', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
  });

  it('lists each closed round’s pack with plain download and codebook links, size, checksum and rows per table', async () => {
    api = mockApi({ '/api/v1/open-data': { body: { items: [openDataPack] } } });
    renderApp('/open-data', { user: null });
    expect(await screen.findByRole('heading', { level: 1, name: 'Open data' })).toBeTruthy();
    const pack = (await screen.findByRole('heading', { level: 2, name: 'Regional review 2026' })).closest('li')!;
    expect(within(pack).getByRole('link', { name: 'Download the data (ZIP, \u20681.3 MB\u2069)' }).getAttribute('href')).toBe(
      '/api/v1/open-data/r/pack.zip',
    );
    expect(within(pack).getByRole('link', { name: 'Codebook: what each column means' }).getAttribute('href')).toBe(
      '/api/v1/open-data/r/codebook.md',
    );
    expect(within(pack).getByText(SHA)).toBeTruthy();
    expect(within(pack).getByText(/Closed on .*October 31, 2026/)).toBeTruthy();
    const rows = within(pack).getByRole('table', { name: 'Rows per table in \u2068Regional review 2026\u2069' });
    expect(
      within(rows)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['TableRows', 'Comments412', 'Ratings1,890', 'extra-table3']);
  });

  it('says when nothing is published yet', async () => {
    api = mockApi({ '/api/v1/open-data': { body: { items: [] } } });
    renderApp('/open-data', { user: null });
    expect(await screen.findByText('No round has closed with published data yet.')).toBeTruthy();
  });
});
