import { ErrorCode } from '@compact-voices/contracts';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { changeLocale, initI18n } from '../../../lib/i18n';
import { errorReply, mockApi, type MockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { describedErrors, describedHint } from '../../../test/described-by';

const SIGN_UP = 'POST /api/v1/auth/sign-up';

function field(label: string | RegExp): HTMLInputElement | HTMLSelectElement {
  return screen.getByLabelText(label, { selector: 'input, select' });
}

async function openSignUp(): Promise<void> {
  renderApp('/sign-up', { user: null });
  await screen.findByRole('heading', { level: 1, name: 'Create an account' });
}

function fillValid(): void {
  fireEvent.change(field('Email address'), { target: { value: 'amina@example.org' } });
  fireEvent.change(field('Password'), { target: { value: 'river lantern morning' } });
  fireEvent.click(screen.getByRole('radio', { name: 'Under my name' }));
  fireEvent.change(field('Your name'), { target: { value: 'Amina' } });
}

function submit(): void {
  fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('sign-up form', () => {
  let api: MockApi;

  beforeAll(() => initI18n('en'));
  afterEach(async () => {
    cleanup();
    api.restore();
    await changeLocale('en');
  });

  it('states the password rule before anything is typed, and offers the right autocomplete hints', async () => {
    api = mockApi({});
    await openSignUp();
    const password = field('Password');
    expect(describedHint(password)).toBe('Use 8 to 128 characters. A phrase of several words is easy to remember and hard to guess.');
    expect(field('Email address').getAttribute('autocomplete')).toBe('email');
    expect(password.getAttribute('autocomplete')).toBe('new-password');
    expect(field('Your name').getAttribute('autocomplete')).toBe('name');
  });

  it('on an empty submit, marks each field invalid with its message and focuses an error summary linking to them', async () => {
    api = mockApi({});
    await openSignUp();
    submit();

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Email address: Enter your email address.', '#sign-up-email'],
      ['Password: Choose a password.', '#sign-up-password'],
      ['How do you want to take part?: Choose whether you take part under your name or under a pseudonym.', '#sign-up-privacyMode'],
      ['Your name: Enter the name you want others to see.', '#sign-up-displayName'],
    ]);

    const email = field('Email address');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(email)).toBe('Error: Enter your email address.');
    expect(field('Password').getAttribute('aria-invalid')).toBe('true');
    expect(field('Language for emails and the site').getAttribute('aria-invalid')).toBeNull();

    fireEvent.click(links[1]);
    expect(document.activeElement).toBe(field('Password'));
    expect(api.calls).toEqual([]);
  });

  it('checks a field when it loses focus, and clears the message as soon as it is fixed', async () => {
    api = mockApi({});
    await openSignUp();
    const email = field('Email address');
    fireEvent.change(email, { target: { value: 'amina.example.org' } });
    fireEvent.blur(email);
    expect(describedErrors(email)).toBe('Error: Enter an email address like name@example.org.');
    // Said politely once focus has moved on, without the summary's interruption.
    const announcer = document.querySelector('form [aria-live="polite"]');
    expect(announcer?.textContent).toBe('Email address: Enter an email address like name@example.org.');

    const password = field('Password');
    fireEvent.change(password, { target: { value: 'short' } });
    fireEvent.blur(password);
    expect(describedErrors(password)).toBe('Error: Use at least 8 characters.');

    fireEvent.change(email, { target: { value: 'amina@example.org' } });
    expect(email.getAttribute('aria-invalid')).toBeNull();
    expect(describedErrors(email)).toBe('');
    // No error summary for inline checks: it appears on submit.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses, before sending, a name the API would refuse: on two lines, or over 80 characters', async () => {
    api = mockApi({});
    await openSignUp();
    fillValid();
    const name = field('Your name');
    // A line separator (a text box drops a typed line feed, not a pasted U+2028).
    fireEvent.change(name, { target: { value: 'Amina\u2028Rahman' } });
    fireEvent.blur(name);
    expect(describedErrors(name)).toBe('Error: Use one line of text, without line breaks or invisible control characters.');

    fireEvent.change(name, { target: { value: 'A'.repeat(81) } });
    submit();
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Your name: Use no more than 80 characters.');
    expect(api.calls).toEqual([]);
  });

  it('sends the form with the interface language as the default locale, then says to check the mail', async () => {
    await changeLocale('id');
    api = mockApi({ [SIGN_UP]: { status: 202, body: { status: 'verification-sent' } } });
    renderApp('/sign-up', { user: null });
    await screen.findByRole('heading', { level: 1, name: 'Buat akun' });
    expect((screen.getByLabelText('Bahasa untuk email dan situs') as HTMLSelectElement).value).toBe('id');

    fireEvent.change(screen.getByLabelText('Alamat email'), { target: { value: ' amina@example.org ' } });
    fireEvent.change(screen.getByLabelText('Kata sandi', { selector: 'input' }), { target: { value: 'river lantern morning' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Dengan nama saya' }));
    fireEvent.change(screen.getByLabelText('Nama Anda'), { target: { value: 'Amina' } });
    fireEvent.click(screen.getByRole('button', { name: 'Buat akun' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Periksa email Anda' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0].body).toEqual({
      email: 'amina@example.org',
      password: 'river lantern morning',
      privacyMode: 'public',
      displayName: 'Amina',
      stakeholderType: 'individual',
      locale: 'id',
    });
  });

  it('asks what a person takes part as, offering the migrant types first and assuming only "Individual"', async () => {
    api = mockApi({ [SIGN_UP]: { status: 202, body: { status: 'verification-sent' } } });
    await openSignUp();
    const type = field('You take part as') as HTMLSelectElement;
    expect([...type.options].map((option) => option.textContent)).toEqual([
      'Migrant (speaking for myself)',
      'Returned migrant',
      'Family member of a migrant',
      'Individual',
      'Academia and research',
      'Media',
      'Other',
    ]);
    expect(type.value).toBe('individual');
    expect(describedHint(type)).toContain('never beside a pseudonym');

    fillValid();
    fireEvent.change(type, { target: { value: 'migrant' } });
    submit();
    await screen.findByRole('heading', { level: 1, name: 'Check your email' });
    expect(api.calls[0].body).toMatchObject({ displayName: 'Amina', stakeholderType: 'migrant' });
  });

  it('asks how a person takes part, explains what protection hides, and signs up protected from the first step', async () => {
    api = mockApi({ [SIGN_UP]: { status: 202, body: { status: 'verification-sent' } } });
    await openSignUp();
    const group = screen.getByRole('group', { name: 'How do you want to take part?' });
    expect(group.textContent).toContain('moderators (government officials among them)');
    expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => (radio as HTMLInputElement).checked),
    ).toEqual([false, false]);
    expect(describedHint(field('Your name'))).toBe('The name others see next to your contributions. A first name or a nickname is fine.');

    fireEvent.change(field('Email address'), { target: { value: 'amina@example.org' } });
    fireEvent.change(field('Password'), { target: { value: 'river lantern morning' } });
    fireEvent.click(within(group).getByRole('radio', { name: 'Under a pseudonym (protected)' }));
    expect(describedHint(field('Your name'))).toBe(
      "Kept private: only the platform's administrators see it. Everyone else sees your pseudonym.",
    );
    fireEvent.change(field('Your name'), { target: { value: 'Amina' } });
    submit();

    await screen.findByRole('heading', { level: 1, name: 'Check your email' });
    expect(api.calls[0].body).toMatchObject({ privacyMode: 'protected', displayName: 'Amina' });
  });

  it('puts the API’s per-field validation details on those fields', async () => {
    api = mockApi({
      [SIGN_UP]: errorReply(400, ErrorCode.VALIDATION_FAILED, 'Validation failed', [
        { field: 'body.email', reason: 'isEmail', message: 'email must be an email' },
        { field: 'displayName', reason: 'maxLength', message: 'displayName is too long' },
      ]),
    });
    await openSignUp();
    fillValid();
    submit();

    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Email address: Enter an email address like name@example.org.', 'Your name: This is too long.']);
    expect(field('Email address').getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(field('Your name'))).toBe('Error: This is too long.');
    expect(field('Password').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows WEAK_PASSWORD on the password field, with the reason the API gives', async () => {
    api = mockApi({
      [SIGN_UP]: errorReply(400, ErrorCode.WEAK_PASSWORD, 'Weak password', [
        { field: 'password', reason: 'common', message: 'too common' },
      ]),
    });
    await openSignUp();
    fillValid();
    submit();

    await screen.findByRole('alert');
    expect(describedErrors(field('Password'))).toBe(
      'Error: This password is too common and easy to guess. Choose another one, for example a phrase of several words.',
    );
  });

  it('shows DISPLAY_NAME_RESERVED on the name field, saying why', async () => {
    api = mockApi({
      [SIGN_UP]: errorReply(400, ErrorCode.DISPLAY_NAME_RESERVED, 'Reserved', [
        { field: 'displayName', reason: 'reserved', message: 'reserved' },
      ]),
    });
    await openSignUp();
    fillValid();
    submit();

    await screen.findByRole('alert');
    expect(describedErrors(field('Your name'))).toBe(
      'Error: This name is kept for names the platform gives, such as pseudonyms and “Former participant”. Choose another name.',
    );
  });

  it('says how many minutes to wait after a 429', async () => {
    api = mockApi({
      [SIGN_UP]: { ...errorReply(429, ErrorCode.TOO_MANY_REQUESTS), headers: { 'Retry-After': '90' } },
    });
    await openSignUp();
    fillValid();
    submit();

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Too many attempts. Please try again in 2 minutes.');
    await waitFor(() => expect(document.activeElement).toBe(summary));
  });

  it('lets people see the password they typed', async () => {
    api = mockApi({});
    await openSignUp();
    const password = field('Password');
    expect(password.getAttribute('type')).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password.getAttribute('type')).toBe('text');
    fireEvent.click(screen.getByRole('button', { name: 'Hide password' }));
    expect(password.getAttribute('type')).toBe('password');
  });
});
