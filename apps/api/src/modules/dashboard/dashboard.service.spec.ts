import { dashboardCacheKey } from './dashboard.service.js';

describe('dashboardCacheKey', () => {
  it('asks one question under one key: absent, empty and differently spelt days are the same', () => {
    const plain = dashboardCacheKey({ countryIso3: 'NPL', to: '2027-01-08' });
    expect(dashboardCacheKey({ to: '2027-01-08T00:00:00Z', countryIso3: 'NPL' })).toBe(plain);
    expect(dashboardCacheKey({ to: '2027-01-08T02:00:00+02:00', countryIso3: 'NPL', from: undefined })).toBe(plain);
    expect(dashboardCacheKey({ to: '2027-01-08T00:00:00.000Z', countryIso3: 'NPL', subregion: '' } as never)).toBe(plain);
  });

  it('keeps different questions apart', () => {
    expect(dashboardCacheKey({ to: '2027-01-08' })).not.toBe(dashboardCacheKey({ to: '2027-01-09' }));
    expect(dashboardCacheKey({ countryIso3: 'NPL' })).not.toBe(dashboardCacheKey({ countryIso3: 'PHL' }));
  });
});
