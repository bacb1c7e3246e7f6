import { ApiError } from './api-client';
import { errorMessage } from './error-message';
import { LOCALE_STORAGE_KEY, changeLocale, detectLocale, i18n, initI18n } from './i18n';

describe('i18n', () => {
  beforeAll(async () => {
    window.localStorage.clear();
    await initI18n('en');
  });

  afterEach(async () => {
    await changeLocale('en');
    window.localStorage.clear();
  });

  it('starts in English with <html lang="en" dir="ltr">', () => {
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('loads Urdu on demand, switches <html> to rtl and remembers the choice', async () => {
    expect(i18n.hasResourceBundle('ur', 'translation')).toBe(false);
    await changeLocale('ur');
    expect(i18n.hasResourceBundle('ur', 'translation')).toBe(true);
    expect(document.documentElement.lang).toBe('ur');
    expect(document.documentElement.dir).toBe('rtl');
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ur');
    expect(i18n.t('nav.search')).toBe('تلاش');
  });

  it('uses Indonesian plural forms (one form for every count)', async () => {
    await changeLocale('id');
    expect(i18n.t('principle.recommendationCount', { count: 1 })).toBe('1 rekomendasi');
    expect(i18n.t('principle.recommendationCount', { count: 4 })).toBe('4 rekomendasi');
    await changeLocale('en');
    expect(i18n.t('principle.recommendationCount', { count: 1 })).toBe('1 recommendation');
  });

  it('prefers the stored choice, then a shipped browser language, then English', () => {
    expect(detectLocale(['id-ID', 'en'])).toBe('id');
    expect(detectLocale(['fr-FR', 'de'])).toBe('en');
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'ur');
    expect(detectLocale(['id-ID'])).toBe('ur');
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'xx');
    expect(detectLocale(['id-ID'])).toBe('id');
  });

  it('translates an error code through errors.<CODE>, and an unknown one generically', async () => {
    const notFound = new ApiError({ status: 404, code: 'RECOMMENDATION_NOT_FOUND', message: 'x' });
    const unknown = new ApiError({ status: 409, code: 'SOMETHING_NEW', message: 'x' });
    expect(errorMessage(i18n.t, notFound)).toBe('This recommendation could not be found.');
    expect(errorMessage(i18n.t, unknown)).toBe('Something went wrong. Please try again.');
    expect(errorMessage(i18n.t, new Error('boom'))).toBe('Something went wrong. Please try again.');
    await changeLocale('id');
    expect(errorMessage(i18n.t, notFound)).toBe('Rekomendasi ini tidak ditemukan.');
  });
});
