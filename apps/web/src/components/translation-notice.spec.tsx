import type { ContentTranslation, RecommendationDetail } from '@compact-voices/contracts';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { setShowOriginal } from '../lib/content-locale';
import { changeLocale, initI18n } from '../lib/i18n';
import { hr1Detail, humanRights } from '../test/fixtures';
import { mockApi, type MockApi } from '../test/mock-api';
import { renderApp } from '../test/render-app';

const machine: ContentTranslation = {
  status: 'unreviewed',
  translator: 'Machine translation by a large language model, for the Compact Voices project',
  translatedAt: '2026-12-03',
  reviewer: null,
  reviewedAt: null,
  source: null,
};
const THAI_TEXT = 'ทุกประเทศในภูมิภาคได้ให้สัตยาบันสนธิสัญญาหลักด้านสิทธิมนุษยชนอย่างน้อยบางฉบับ';
const hr1Thai: RecommendationDetail = { ...hr1Detail, text: THAI_TEXT, note: 'หมายเหตุ', language: 'th', translation: machine };

describe('an unofficial translation of the catalogue', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  beforeEach(async () => {
    await changeLocale('th');
    api = mockApi({
      '/api/v1/recommendations/HR-1?locale=th': { body: hr1Thai },
      '/api/v1/recommendations/HR-1': { body: hr1Detail },
      '/api/v1/principles?locale=th': { body: { items: [{ ...humanRights, title: 'สิทธิมนุษยชน', language: 'th', translation: machine }] } },
      '/api/v1/principles': { body: { items: [humanRights] } },
      '/api/v1/consultations': { body: { items: [] } },
    });
  });
  afterEach(async () => {
    cleanup();
    api.restore();
    act(() => setShowOriginal(false));
    await changeLocale('en');
  });

  it('says it is unofficial, who made it, and switches to the English original and back in one click', async () => {
    renderApp('/recommendations/HR-1');
    const text = await screen.findByText(THAI_TEXT);
    // In the interface language: no lang of its own, the page's applies.
    expect(text.getAttribute('lang')).toBeNull();
    expect(screen.getByText('คำแปลอย่างไม่เป็นทางการ ให้ถือข้อความภาษาอังกฤษเป็นหลัก', { exact: false })).toBeTruthy();
    const translator = screen.getByText(machine.translator);
    expect([translator.getAttribute('lang'), translator.getAttribute('dir')]).toEqual(['en', 'ltr']);

    fireEvent.click(screen.getByRole('button', { name: 'แสดงต้นฉบับภาษาอังกฤษ' }));
    const original = await screen.findByText(hr1Detail.text.slice(0, 40), { exact: false });
    expect([original.getAttribute('lang'), original.getAttribute('dir')]).toEqual(['en', 'ltr']);
    expect(api.requests).toContain('/api/v1/recommendations/HR-1');

    fireEvent.click(await screen.findByRole('button', { name: 'แสดงคำแปล' }));
    expect(await screen.findByText(THAI_TEXT)).toBeTruthy();
  });

  it('shows nothing of the kind in English', async () => {
    await changeLocale('en');
    renderApp('/recommendations/HR-1');
    await screen.findByText(hr1Detail.text.slice(0, 40), { exact: false });
    await waitFor(() => expect(api.requests).toContain('/api/v1/recommendations/HR-1'));
    expect(document.querySelector('.translation-notice')).toBeNull();
  });
});
