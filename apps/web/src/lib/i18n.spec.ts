import { ErrorCode } from '@compact-voices/contracts';
import en from '../locales/en/translation.json' with { type: 'json' };
import id from '../locales/id/translation.json' with { type: 'json' };
import ur from '../locales/ur/translation.json' with { type: 'json' };
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

  it('has a message for every error code the API sends, in every language', () => {
    // Every feature that sends codes has pages now (moderation included): no code may fall back to "generic".
    const locales: Record<string, { errors: Record<string, string> }> = { en, id, ur };
    for (const [locale, messages] of Object.entries(locales)) {
      const missing = Object.values(ErrorCode).filter((code) => !Object.prototype.hasOwnProperty.call(messages.errors, code));
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });

  it('translates the moderation codes, e.g. the original decider being refused an appeal', async () => {
    const originalDecider = new ApiError({ status: 403, code: 'ORIGINAL_DECIDER', message: 'x' });
    expect(errorMessage(i18n.t, originalDecider)).toBe('You made the original decision; another moderator must decide this appeal.');
    await changeLocale('id');
    expect(errorMessage(i18n.t, originalDecider)).toContain('moderator lain');
    await changeLocale('ur');
    expect(errorMessage(i18n.t, originalDecider)).toContain('نگران');
  });

  it('translates the consultation codes in every language, not by falling back to English', async () => {
    const closed = new ApiError({ status: 409, code: 'CONSULTATION_CLOSED', message: 'x' });
    const tooDeep = new ApiError({ status: 422, code: 'REPLY_TOO_DEEP', message: 'x' });
    expect(errorMessage(i18n.t, closed)).toBe('This consultation round is not open for contributions at the moment.');
    await changeLocale('id');
    expect(errorMessage(i18n.t, closed)).toBe('Putaran konsultasi ini sedang tidak menerima kontribusi.');
    expect(errorMessage(i18n.t, tooDeep)).toContain('tiga tingkat');
    await changeLocale('ur');
    expect(errorMessage(i18n.t, closed)).toBe('یہ مشاورتی دور اس وقت آرا قبول نہیں کر رہا۔');
  });

  it('turns a 429 with Retry-After into whole minutes to wait', async () => {
    const wait = (seconds?: number) => new ApiError({ status: 429, code: 'TOO_MANY_REQUESTS', message: 'x', retryAfterSeconds: seconds });
    expect(errorMessage(i18n.t, wait(30))).toBe('Too many attempts. Please try again in 1 minute.');
    expect(errorMessage(i18n.t, wait(600))).toBe('Too many attempts. Please try again in 10 minutes.');
    expect(errorMessage(i18n.t, wait())).toBe('Too many requests in a short time. Please wait a moment and try again.');
    await changeLocale('ur');
    expect(errorMessage(i18n.t, wait(600))).toBe('بہت زیادہ کوششیں ہو گئیں۔ براہِ کرم 10 منٹ بعد دوبارہ کوشش کریں۔');
  });
});
