import type { Consultation, CreateConsultationRequest, UpdateConsultationRequest } from '@compact-voices/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { authSession } from '../../lib/auth-session';
import { fromDateTimeLocal, toDateTimeLocal } from '../../lib/format';
import { initI18n } from '../../lib/i18n';
import { ROUND_ID, nepal, philippines, round } from '../../test/consultation-fixtures';
import { hr1, hr2, humanRights, participant, pc1, peopleCentredness } from '../../test/fixtures';
import { mockApi, type MockApi } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const admin = { ...participant, roles: ['participant' as const, 'admin' as const] };
const fiji = { iso3: 'FJI', name: 'Fiji', subregion: 'Pacific' as const, inRegion: true };
const qatar = { iso3: 'QAT', name: 'Qatar', subregion: null, inRegion: false };

describe('consultation rounds (admin)', () => {
  let api: MockApi | undefined;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api?.restore();
    api = undefined;
    authSession.clear();
  });

  it('converts datetime-local values to UTC instants and back', () => {
    const iso = fromDateTimeLocal('2027-01-15T09:30')!;
    expect(iso).toMatch(/^2027-01-1\dT\d{2}:30:00\.000Z$/);
    expect(toDateTimeLocal(iso)).toBe('2027-01-15T09:30');
    expect(fromDateTimeLocal('')).toBeNull();
    expect(fromDateTimeLocal('tomorrow')).toBeNull();
  });

  it('creates a round from the form (dates in UTC, the chosen recommendations and countries) and opens it', async () => {
    let rounds: Consultation[] = [];
    api = mockApi({
      '/api/v1/me': { body: admin },
      '/api/v1/consultations': () => ({ body: { items: rounds } }),
      '/api/v1/principles': { body: { items: [peopleCentredness, humanRights] } },
      '/api/v1/recommendations': { body: { items: [pc1, hr1, hr2] } },
      '/api/v1/countries': { body: { items: [philippines, nepal, fiji, qatar] } },
      'POST /api/v1/consultations': (call) => {
        const request = call.body as CreateConsultationRequest;
        const created: Consultation = {
          ...round,
          ...request,
          description: request.description ?? '',
          recommendationCodes: request.recommendationCodes ?? [],
          countryIso3s: request.countryIso3s ?? [],
          status: 'draft',
          acceptingContributions: false,
        };
        rounds = [created];
        return { status: 201, body: created };
      },
      [`PATCH /api/v1/consultations/${ROUND_ID}`]: (call) => {
        const changes = call.body as UpdateConsultationRequest;
        rounds = [{ ...rounds[0], ...changes, acceptingContributions: changes.status === 'open' }];
        return { body: rounds[0] };
      },
    });
    renderApp('/admin/consultations/new', { user: admin });

    await screen.findByRole('heading', { level: 1, name: 'Create a consultation round' });
    // Defaults: every recommendation, the countries of the region (not Qatar), published at once.
    const recommendations = screen.getByRole('group', { name: 'Recommendations in this round' });
    expect((within(recommendations).getByRole('checkbox', { name: 'All 3 recommendations' }) as HTMLInputElement).checked).toBe(true);
    const countries = screen.getByRole('group', { name: 'Countries in this round' });
    const allCountries = within(countries).getByRole('checkbox', { name: 'All 4 countries' }) as HTMLInputElement;
    expect(allCountries.checked).toBe(false);
    expect(allCountries.indeterminate).toBe(true);
    expect((screen.getByRole('radio', { name: 'Publish at once, moderate afterwards' }) as HTMLInputElement).checked).toBe(true);

    // Nothing chosen: the summary says what is missing.
    fireEvent.click(within(recommendations).getByRole('checkbox', { name: 'All 3 recommendations' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create the round' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Enter a title.');
    expect(summary.textContent).toContain('Choose at least one recommendation.');

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '  Regional review 2027 ' } });
    fireEvent.change(screen.getByLabelText('Opens'), { target: { value: '2027-01-15T09:00' } });
    fireEvent.change(screen.getByLabelText('Closes'), { target: { value: '2027-01-14T09:00' } });
    fireEvent.click(within(recommendations).getByRole('checkbox', { name: /HR-1/ }));
    fireEvent.click(within(recommendations).getByRole('checkbox', { name: /PC-1/ }));
    fireEvent.click(allCountries); // mixed → all
    fireEvent.click(allCountries); // all → none
    fireEvent.click(within(countries).getByRole('checkbox', { name: 'Nepal' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Moderate before publishing' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create the round' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The closing time must be after the opening time.');

    fireEvent.change(screen.getByLabelText('Closes'), { target: { value: '2027-03-31T18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the round' }));

    await screen.findByRole('heading', { level: 1, name: 'Consultation rounds' });
    expect(await screen.findByText('Regional review 2027 has been created as a draft.')).toBeTruthy();
    const post = api!.calls.find((call) => call.method === 'POST')!;
    expect(post.body).toEqual({
      title: 'Regional review 2027',
      description: '',
      opensAt: new Date(2027, 0, 15, 9, 0).toISOString(),
      closesAt: new Date(2027, 2, 31, 18, 0).toISOString(),
      moderationMode: 'pre',
      recommendationCodes: ['PC-1', 'HR-1'],
      countryIso3s: ['NPL'],
    });

    const row = (await screen.findByRole('heading', { level: 2, name: 'Regional review 2027' })).closest('li')!;
    expect(within(row).getByText('Draft')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Open for contributions' }));
    expect(await screen.findByText('Regional review 2027 is now open.')).toBeTruthy();
    const patch = api!.calls.find((call) => call.method === 'PATCH')!;
    expect(patch.body).toEqual({ status: 'open' });
    await waitFor(() => expect(within(row).getByRole('button', { name: 'Close' })).toBeTruthy());
    expect(within(row).getByRole('button', { name: 'Archive' })).toBeTruthy();
  });
});
