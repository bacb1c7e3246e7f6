import { LOCALES, type HouseRule, type Me, type PublishRuleRequest } from '@compact-voices/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { authSession } from '../../lib/auth-session';
import { initI18n } from '../../lib/i18n';
import { participant } from '../../test/fixtures';
import { errorReply, mockApi, type MockApi, type MockRoutes } from '../../test/mock-api';
import { renderApp } from '../../test/render-app';

const admin: Me = { ...participant, roles: ['participant', 'admin'] };
const publishedAt = '2026-01-01T00:00:00.000Z';

function rule(code: string, version: number, language: string, title: string, text: string): HouseRule {
  return { code, version, language, title, text, publishedAt };
}

/**
 * R1 is translated into Indonesian and Urdu; R2 only exists in English. Where a language has no
 * translation the API falls back to English (the other nine languages here).
 */
const r2en = rule('R2', 4, 'en', 'Protect personal information', 'Do not share anyone’s contact details.');
const r1en = rule('R1', 1, 'en', 'Be respectful', 'Criticise ideas, not people.');
const rulesByLocale: Record<string, HouseRule[]> = {
  ...Object.fromEntries(LOCALES.map(({ code }) => [code, [r1en, r2en]])),
  id: [rule('R1', 1, 'id', 'Saling menghormati', 'Kritik gagasan, bukan orang.'), r2en],
  ur: [rule('R1', 1, 'ur', 'احترام کریں', 'خیالات پر تنقید کریں، لوگوں پر نہیں۔'), r2en],
};

function routes(extra: MockRoutes): MockRoutes {
  return {
    '/api/v1/notifications?limit=1': { body: { items: [], nextCursor: null, unread: 0 } },
    ...Object.fromEntries(LOCALES.map(({ code }) => [`/api/v1/rules?locale=${code}`, { body: { items: rulesByLocale[code] } }])),
    ...extra,
  };
}

async function openEditor(code: string) {
  const heading = await screen.findByRole('heading', { level: 2, name: new RegExp(`^${code} `) });
  const item = heading.closest('li')!;
  fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
  return item;
}

describe('house rules (admin)', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    api.restore();
    authSession.clear();
  });

  it('edits every language, previews, shows validation errors at the fields, and publishes a new version', async () => {
    const puts: PublishRuleRequest[] = [];
    api = mockApi(
      routes({
        'PUT /api/v1/rules/R1': (call) => {
          const request = call.body as PublishRuleRequest;
          puts.push(request);
          if (puts.length === 1) {
            return errorReply(400, 'VALIDATION_FAILED', 'Invalid input', [{ field: 'text.ur', reason: 'maxLength', message: 'too long' }]);
          }
          return { body: rule('R1', 2, 'en', request.title.en, request.text.en) };
        },
      }),
    );
    renderApp('/admin/rules', { user: admin });
    const adminNav = await screen.findByRole('navigation', { name: 'Administration' });
    expect(within(adminNav).getByRole('link', { name: 'House rules' }).getAttribute('aria-current')).toBe('page');
    const item = await openEditor('R1');
    const editor = within(item);
    expect(editor.getByRole('heading', { level: 3, name: 'Version 2 of R1' })).toBeTruthy();

    // Each language's text is there to start from, marked with its language and direction.
    const urduText = editor.getByLabelText('Text in Urdu') as HTMLTextAreaElement;
    expect(urduText.value).toBe('خیالات پر تنقید کریں، لوگوں پر نہیں۔');
    expect([urduText.lang, urduText.dir]).toEqual(['ur', 'rtl']);
    const indonesianTitle = editor.getByLabelText('Title in Indonesian') as HTMLInputElement;
    expect([indonesianTitle.value, indonesianTitle.lang, indonesianTitle.dir]).toEqual(['Saling menghormati', 'id', 'ltr']);

    // Checked here first, like the API: English is required; a translation needs title and text.
    fireEvent.change(editor.getByLabelText('Title in English'), { target: { value: ' ' } });
    fireEvent.change(editor.getByLabelText('Text in Indonesian'), { target: { value: '' } });
    fireEvent.click(editor.getByRole('button', { name: 'Publish new version' }));
    const summary = await editor.findByRole('alert');
    expect(within(summary).getByText('Title in English: Enter a title.')).toBeTruthy();
    expect(
      within(summary).getByText('Text in Indonesian: Give both the title and the text in this language, or leave both empty.'),
    ).toBeTruthy();
    expect(puts).toHaveLength(0);

    fireEvent.change(editor.getByLabelText('Title in English'), { target: { value: 'Respect everyone' } });
    fireEvent.change(editor.getByLabelText('Text in Indonesian'), { target: { value: 'Kritik gagasan, jangan menyerang orang.' } });

    // The preview shows each language as its readers will see it.
    fireEvent.click(editor.getByRole('button', { name: 'Preview' }));
    const preview = within(editor.getByRole('region', { name: 'Preview' }));
    const english = preview.getByRole('list', { name: 'What readers using English will see' });
    expect(within(english).getByRole('heading', { level: 5, name: 'R1 Respect everyone' })).toBeTruthy();
    expect(within(english).getByText('Version 2, in force since', { exact: false })).toBeTruthy();
    const urdu = preview.getByRole('list', { name: 'What readers using Urdu will see' });
    const urduItem = within(urdu).getByRole('listitem');
    expect([urduItem.getAttribute('lang'), urduItem.getAttribute('dir')]).toEqual(['ur', 'rtl']);
    expect(within(urdu).getByRole('heading', { level: 5, name: 'R1 احترام کریں' })).toBeTruthy();

    // The API's answer lands on the field it names.
    fireEvent.click(editor.getByRole('button', { name: 'Publish new version' }));
    expect(await within(await editor.findByRole('alert')).findByText('Text in Urdu: This is too long.')).toBeTruthy();
    expect(urduText.getAttribute('aria-invalid')).toBe('true');
    expect(puts[0]).toEqual({
      title: { en: 'Respect everyone', id: 'Saling menghormati', ur: 'احترام کریں' },
      text: {
        en: 'Criticise ideas, not people.',
        id: 'Kritik gagasan, jangan menyerang orang.',
        ur: 'خیالات پر تنقید کریں، لوگوں پر نہیں۔',
      },
    });

    fireEvent.change(urduText, { target: { value: 'لوگوں پر نہیں، خیالات پر تنقید کریں۔' } });
    fireEvent.click(editor.getByRole('button', { name: 'Publish new version' }));
    expect(await within(item).findByText('Version 2 of R1 is published.')).toBeTruthy();
    expect(puts[1]?.text.ur).toBe('لوگوں پر نہیں، خیالات پر تنقید کریں۔');
    const edit = within(item).getByRole('button', { name: 'Edit' });
    await waitFor(() => expect(document.activeElement).toBe(edit));
  });

  it('leaves an untranslated language out of the new version, so its readers keep getting English', async () => {
    api = mockApi(routes({ 'PUT /api/v1/rules/R2': { body: { ...r2en, version: 5 } } }));
    renderApp('/admin/rules', { user: admin });
    const item = await openEditor('R2');
    expect((within(item).getByLabelText('Title in Urdu') as HTMLInputElement).value).toBe('');
    fireEvent.click(within(item).getByRole('button', { name: 'Publish new version' }));
    expect(await within(item).findByText('Version 5 of R2 is published.')).toBeTruthy();
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({
      title: { en: 'Protect personal information' },
      text: { en: 'Do not share anyone’s contact details.' },
    });
  });
});
