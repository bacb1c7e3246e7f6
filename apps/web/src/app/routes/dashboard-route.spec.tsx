import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { authSession } from '../../lib/auth-session';
import { changeLocale, initI18n } from '../../lib/i18n';
import { nepal, philippines, round } from '../../test/consultation-fixtures';
import { admin, dashboard } from '../../test/export-fixtures';
import { humanRights, hr1, hr2, objective7, pc1, peopleCentredness } from '../../test/fixtures';
import { mockApi, type MockApi, type MockRoutes } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const vocabulary: MockRoutes = {
  '/api/v1/consultations': { body: { items: [round] } },
  '/api/v1/principles': { body: { items: [peopleCentredness, humanRights] } },
  '/api/v1/recommendations': { body: { items: [pc1, hr1, hr2] } },
  '/api/v1/objectives': { body: { items: [objective7] } },
  '/api/v1/countries': { body: { items: [nepal, philippines] } },
};

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent ?? ''));
}

describe('dashboard', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(async () => {
    cleanup();
    api.restore();
    authSession.clear();
    await changeLocale('en');
  });

  it('reads its filters from the address and asks the API with them (the end day included)', async () => {
    api = mockApi({ ...vocabulary, '/api/v1/dashboard?principleCode=HR&countryIso3=NPL&to=2026-12-01': { body: dashboard } });
    renderApp('/dashboard?principle=HR&country=NPL&to=2026-11-30&junk=1', { user: null });

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    await screen.findByRole('table', { name: /Median implementation rating/ });
    expect(api.requests).toContain('/api/v1/dashboard?principleCode=HR&countryIso3=NPL&to=2026-12-01');
    expect(screen.getByText(/3 filters applied\./)).toBeTruthy();
    expect((screen.getByLabelText('Guiding principle') as HTMLSelectElement).value).toBe('HR');
    expect((screen.getByLabelText('To (included)') as HTMLInputElement).value).toBe('2026-11-30');
    expect(screen.getByRole('link', { name: 'Clear filters' }).getAttribute('href')).toBe('/dashboard');
    // Signed out: no export link.
    expect(screen.queryByRole('link', { name: 'Export this selection' })).toBeNull();
  });

  it('shows the heatmap as a table with each value printed, suppressed cells in words, in its own scrolling region', async () => {
    api = mockApi({ ...vocabulary, '/api/v1/dashboard': { body: dashboard } });
    renderApp('/dashboard', { user: null });

    const table = await screen.findByRole('table', { name: 'Median implementation rating (0–4) by country and guiding principle' });
    expect(rowsOf(table)).toEqual([
      ['Country', 'PC People-centredness', 'HR Human rights'],
      ['Nepal', 'Fewer than 5 ratings', '2.56 ratings'],
      ['Philippines', 'No ratings', '49 ratings'],
    ]);
    const cell = within(table).getByText('2.5').closest('td')!;
    expect(cell.className).toContain('heat-5');
    const region = screen.getByRole('region', { name: 'Median implementation rating (0–4) by country and guiding principle' });
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('draws the other three charts for sighted readers only, each with the same numbers as a table', async () => {
    api = mockApi({ ...vocabulary, '/api/v1/dashboard': { body: dashboard } });
    const { container } = renderApp('/dashboard', { user: null });
    await screen.findByRole('heading', { level: 2, name: 'How each recommendation was rated' });

    for (const chart of container.querySelectorAll('.chart-section__chart')) expect(chart.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getAllByText('Show as table')).toHaveLength(3);

    const distribution = screen.getByRole('table', { name: 'Number of people at each level, by recommendation' });
    expect(rowsOf(distribution).slice(1)).toEqual([
      ['HR-1', '1', '2', '3', '2', '1', '1', '10'],
      ['PC-1', 'Fewer than 5 ratings: not shown'],
    ]);
    const gaps = screen.getByRole('table', { name: /Perception gap by recommendation/ });
    expect(rowsOf(gaps).slice(1)).toEqual([
      ['HR-1', '+1.5', '+0.5 to +2.5', 'Government side rates it higher'],
      ['HR-2', '-0.5', '-1.5 to +0.5', 'Civil society rates it higher (may be chance)'],
    ]);
    const participation = screen.getByRole('table', { name: 'People taking part per week, by stakeholder type' });
    expect(rowsOf(participation)).toEqual([
      ['Week starting', 'Government', 'Individual', 'All types'],
      ['November 2, 2026', '2', '0', '2'],
      ['November 9, 2026', '0', '0', '0'],
      ['November 16, 2026', '0', '7', '7'],
    ]);
    // The gap chart: a dot per recommendation, hollow when its interval crosses zero.
    expect(container.querySelectorAll('.gap-chart__dot')).toHaveLength(2);
    expect(container.querySelectorAll('.gap-chart__dot--open')).toHaveLength(1);
    // Its numbers read left to right on a right-to-left page too: "+1", never "1+".
    const ticks = [...container.querySelectorAll('.gap-chart__tick')];
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.every((tick) => tick.getAttribute('direction') === 'ltr' && tick.getAttribute('unicode-bidi') === 'isolate')).toBe(true);
  });

  it('applies the chosen filters on "Show results", narrows recommendations by principle, and offers admins the export', async () => {
    api = mockApi({
      ...vocabulary,
      '/api/v1/dashboard': { body: dashboard },
      [`/api/v1/dashboard?consultationId=${round.id}&principleCode=HR&stakeholderType=government`]: { body: { ...dashboard, gaps: [] } },
    });
    renderApp('/dashboard', { user: admin });
    await screen.findByRole('table', { name: /Median implementation rating/ });
    await screen.findByRole('option', { name: 'Regional review 2027' });

    fireEvent.change(screen.getByLabelText('Consultation round'), { target: { value: round.id } });
    fireEvent.change(screen.getByLabelText('Guiding principle'), { target: { value: 'HR' } });
    const recommendations = within(screen.getByLabelText('Recommendation'))
      .getAllByRole('option')
      .map((option) => option.getAttribute('value'));
    expect(recommendations).toEqual(['', 'HR-1', 'HR-2']);
    fireEvent.change(screen.getByLabelText('Stakeholder type'), { target: { value: 'government' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show results' }));

    expect(await screen.findByText('No recommendation has at least 5 ratings from each side yet.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Export this selection' }).getAttribute('href')).toBe(
      `/admin/exports?round=${round.id}&principle=HR&type=government`,
    );
  });

  it('refuses an end date before the start date, at the field', async () => {
    api = mockApi({ ...vocabulary, '/api/v1/dashboard': { body: dashboard } });
    renderApp('/dashboard', { user: null });
    await screen.findByRole('table', { name: /Median implementation rating/ });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-10' } });
    fireEvent.change(screen.getByLabelText('To (included)'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show results' }));
    const to = screen.getByLabelText('To (included)');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The end date must not be before the start date.')).toBeTruthy();
    expect(api.requests.filter((url) => url.startsWith('/api/v1/dashboard'))).toEqual(['/api/v1/dashboard']);
  });

  it('is linked from the main navigation and the footer, and speaks Urdu', async () => {
    api = mockApi({ ...vocabulary, '/api/v1/dashboard': { body: dashboard } });
    renderApp('/dashboard', { user: null });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Dashboard' }).getAttribute('href')).toBe('/dashboard');
    expect(within(nav).getByRole('link', { name: 'Open data' }).getAttribute('href')).toBe('/open-data');
    const footer = screen.getByRole('navigation', { name: 'Data' });
    expect(within(footer).getByRole('link', { name: 'Open data' }).getAttribute('href')).toBe('/open-data');

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ur' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'ڈیش بورڈ' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(await screen.findByText('5 سے کم درجہ بندیاں')).toBeTruthy();
  });
});
