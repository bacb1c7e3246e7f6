import { ErrorCode } from '@compact-voices/contracts';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Providers } from '../../../app/providers';
import { authSession } from '../../../lib/auth-session';
import { changeLocale, initI18n } from '../../../lib/i18n';
import { createQueryClient } from '../../../lib/query-client';
import { nepal } from '../../../test/consultation-fixtures';
import { participant } from '../../../test/fixtures';
import { errorReply, mockApi, type MockApi, type MockRoutes } from '../../../test/mock-api';
import { ProfileForm } from './profile-form';

const PATCH = 'PATCH /api/v1/me';

function openProfile(routes: MockRoutes): MockApi {
  const api = mockApi(routes);
  render(
    <Providers queryClient={createQueryClient()}>
      <MemoryRouter>
        <ProfileForm me={participant} countries={[nepal]} />
      </MemoryRouter>
    </Providers>,
  );
  return api;
}

const nameBox = () => screen.getByLabelText('Your name') as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
const errorOf = (element: HTMLElement) => document.getElementById(`${element.id}-error`)?.textContent ?? '';

describe('profile form', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(async () => {
    cleanup();
    api.restore();
    authSession.clear();
    await changeLocale('en');
  });

  it('refuses a name on two lines, a blank one and one over 80 characters, as the API would, without sending', async () => {
    api = openProfile({});
    fireEvent.change(nameBox(), { target: { value: 'Amina\u2029Rahman' } });
    fireEvent.blur(nameBox());
    expect(errorOf(nameBox())).toBe('Error: Use one line of text, without line breaks or invisible control characters.');

    fireEvent.change(nameBox(), { target: { value: '   ' } });
    expect(errorOf(nameBox())).toBe('Error: Enter the name you want others to see.');

    fireEvent.change(nameBox(), { target: { value: 'N'.repeat(81) } });
    save();
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Your name: Use no more than 80 characters.');
    expect(api.calls).toEqual([]);
  });

  it('sends the changes (trimmed, "none" as null), and shows a 400 detail on its field as the browser words that rule', async () => {
    api = openProfile({
      [PATCH]: errorReply(400, ErrorCode.VALIDATION_FAILED, 'Validation failed', [
        { field: 'displayName', reason: 'oneLine', message: 'A display name is one line of printable text' },
      ]),
    });
    fireEvent.change(nameBox(), { target: { value: '  Amina R.  ' } });
    fireEvent.change(screen.getByLabelText('Country'), { target: { value: 'NPL' } });
    save();

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe(
      'Your name: Use one line of text, without line breaks or invisible control characters.',
    );
    expect(nameBox().getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(api.calls).toHaveLength(1));
    expect(api.calls[0].body).toEqual({
      displayName: 'Amina R.',
      locale: 'en',
      stakeholderType: 'individual',
      countryIso3: 'NPL',
      actingOrganisationId: null,
    });
  });

  it('offers the migrant types first among those a person may claim, and sends the one chosen', async () => {
    api = openProfile({ [PATCH]: (call) => ({ body: { ...participant, ...(call.body as object) } }) });
    const type = screen.getByLabelText('You take part as') as HTMLSelectElement;
    expect([...type.options].map((option) => [option.value, option.textContent])).toEqual([
      ['migrant', 'Migrant (speaking for myself)'],
      ['returnee', 'Returned migrant'],
      ['migrant-family', 'Family member of a migrant'],
      ['individual', 'Individual'],
      ['academia', 'Academia and research'],
      ['media', 'Media'],
      ['other', 'Other'],
    ]);
    expect(type.value).toBe('individual');
    fireEvent.change(type, { target: { value: 'returnee' } });
    save();
    expect(await screen.findByText('Your profile has been saved.')).toBeTruthy();
    expect(api.calls[0]!.body).toMatchObject({ stakeholderType: 'returnee' });
    expect(type.value).toBe('returnee');
  });
});
