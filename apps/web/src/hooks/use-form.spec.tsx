import { jest } from '@jest/globals';
import { ErrorCode, type ErrorDetail } from '@compact-voices/contracts';
import { createConsultationSchema, signUpSchema } from '@compact-voices/contracts/schemas';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { CheckboxField } from '../components/form/checkbox-field';
import { ErrorSummary } from '../components/form/error-summary';
import { TextField } from '../components/form/text-field';
import { ApiError } from '../lib/api-client';
import { fieldMessage } from '../lib/form-errors';
import { i18n, initI18n } from '../lib/i18n';
import { maxLengthOf, useForm } from './use-form';
import { describedErrors } from '../test/described-by';

/** Two fields of the sign-up request, checked by its schema, and a box the request does not have. */
const probeSchema = signUpSchema.pick({ email: true, displayName: true });

interface ProbeValues {
  email: string;
  displayName: string;
  agree: boolean;
}

type Action = (request: { email: string; displayName: string }, values: ProbeValues) => Promise<unknown> | void;

function ProbeForm({ action, schema = probeSchema }: { action: Action; schema?: typeof probeSchema | typeof signUpSchema }) {
  const form = useForm<ProbeValues, typeof probeSchema>({
    id: 'probe',
    fields: ['email', 'displayName', 'agree'],
    defaultValues: { email: '', displayName: '', agree: false },
    // A schema asking for more than the form fills in stands for a mistake in a form.
    schema: schema as typeof probeSchema,
    toRequest: ({ email, displayName }) => ({ email, displayName }),
    validate: (values) => ({ agree: values.agree ? undefined : fieldMessage('required') }),
    messages: { email: { required: 'emailRequired' } },
  });
  const labels = { email: 'Email', displayName: 'Name', agree: 'I agree' };
  return (
    <form noValidate onSubmit={form.handleSubmit(action)} aria-busy={form.submitting || undefined}>
      <ErrorSummary form={form} labels={labels} />
      <TextField form={form} name="email" type="email" label={labels.email} />
      <TextField form={form} name="displayName" label={labels.displayName} hint="As others will see it" />
      <CheckboxField form={form} name="agree" label={labels.agree} />
      <button type="submit">{form.submitting ? 'Sending' : 'Send'}</button>
    </form>
  );
}

function renderProbe(action: Action, schema?: typeof signUpSchema) {
  return render(
    <I18nextProvider i18n={i18n}>
      <ProbeForm action={action} schema={schema} />
    </I18nextProvider>,
  );
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const send = () => fireEvent.click(screen.getByRole('button', { name: /Send/ }));

async function summaryItems(): Promise<string[]> {
  const summary = await screen.findByRole('alert');
  return within(summary)
    .queryAllByRole('link')
    .map((link) => link.textContent ?? '');
}

describe('useForm', () => {
  beforeAll(() => initI18n('en'));
  afterEach(cleanup);

  it('checks a field when it loses focus after a change, and on every keystroke while it shows an error', () => {
    renderProbe(jest.fn<Action>());
    const name = input('Name');
    fireEvent.blur(name);
    expect(name.getAttribute('aria-invalid')).toBeNull();

    // A line separator: a display name is one line (the shared schema's `oneLine` rule).
    fireEvent.change(name, { target: { value: 'Amina\u2028Rahman' } });
    expect(name.getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(name);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrors(name)).toBe('Error: Use one line of text, without line breaks or invisible control characters.');
    expect(name.getAttribute('aria-describedby')).toBe('probe-displayName-hint probe-displayName-error');
    expect(document.querySelector('form > [aria-live="polite"]')?.textContent).toBe(
      'Name: Use one line of text, without line breaks or invisible control characters.',
    );

    fireEvent.change(name, { target: { value: 'Amina Rahman' } });
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(name.getAttribute('aria-describedby')).toBe('probe-displayName-hint');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('on submit, refuses what the request schema refuses with its translated message, in page order, and focuses the summary', async () => {
    const action = jest.fn<Action>();
    renderProbe(action);
    fireEvent.change(input('Name'), { target: { value: 'x'.repeat(81) } });
    send();

    expect(await summaryItems()).toEqual([
      'Email: Enter your email address.',
      'Name: Use no more than 80 characters.',
      'I agree: This field is required.',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('alert')));
    expect(input('I agree').getAttribute('aria-invalid')).toBe('true');
    expect(action).not.toHaveBeenCalled();

    // A blank name is missing, whatever rule the spaces break.
    fireEvent.change(input('Email'), { target: { value: 'amina.example.org' } });
    fireEvent.change(input('Name'), { target: { value: '   ' } });
    send();
    await waitFor(() =>
      expect(within(screen.getByRole('alert')).getAllByRole('link')[0].textContent).toBe(
        'Email: Enter an email address like name@example.org.',
      ),
    );
    expect(describedErrors(input('Name'))).toBe('Error: This field is required.');
  });

  it('gives the action the schema’s output (trimmed) with the values, a boolean kept a boolean', async () => {
    const action = jest.fn<Action>();
    renderProbe(action);
    fireEvent.change(input('Email'), { target: { value: 'amina@example.org' } });
    fireEvent.change(input('Name'), { target: { value: ' Amina ' } });
    fireEvent.click(input('I agree'));
    send();

    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action).toHaveBeenCalledWith(
      { email: 'amina@example.org', displayName: 'Amina' },
      { email: 'amina@example.org', displayName: ' Amina ', agree: true },
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts a 400 detail on its field with the message the same rule gets in the browser, and keeps the rest form-wide', async () => {
    const details: ErrorDetail[] = [
      { field: 'body.displayName', reason: 'oneLine', message: 'A display name is one line of printable text' },
      { field: 'privacyMode', reason: 'isIn', message: 'x' },
    ];
    renderProbe(() => Promise.reject(new ApiError({ status: 400, code: ErrorCode.VALIDATION_FAILED, message: 'x', details })));
    fireEvent.change(input('Email'), { target: { value: 'amina@example.org' } });
    fireEvent.change(input('Name'), { target: { value: 'Amina' } });
    fireEvent.click(input('I agree'));
    send();

    expect(await summaryItems()).toEqual(['Name: Use one line of text, without line breaks or invisible control characters.']);
    expect(screen.getByRole('alert').textContent).toContain('Some of what you entered is not valid.');
    expect(describedErrors(input('Name'))).toBe('Error: Use one line of text, without line breaks or invisible control characters.');

    // The API's message goes as soon as the field is changed to something the schema accepts.
    fireEvent.change(input('Name'), { target: { value: 'Amina R' } });
    expect(input('Name').getAttribute('aria-invalid')).toBeNull();
  });

  it('does nothing on a second submit while the first is being sent, and says it is sending', async () => {
    let finish: () => void = () => undefined;
    const action = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderProbe(action);
    fireEvent.change(input('Email'), { target: { value: 'amina@example.org' } });
    fireEvent.change(input('Name'), { target: { value: 'Amina' } });
    fireEvent.click(input('I agree'));
    send();
    send();

    expect(await screen.findByRole('button', { name: 'Sending' })).toBeTruthy();
    expect(screen.getByRole('button').closest('form')!.getAttribute('aria-busy')).toBe('true');
    send();
    expect(action).toHaveBeenCalledTimes(1);
    await act(async () => finish());
    expect(await screen.findByRole('button', { name: 'Send' })).toBeTruthy();
  });

  it('stops a submit when the schema refuses a part no field shows', async () => {
    const action = jest.fn<Action>();
    renderProbe(action, signUpSchema);
    fireEvent.change(input('Email'), { target: { value: 'amina@example.org' } });
    fireEvent.change(input('Name'), { target: { value: 'Amina' } });
    fireEvent.click(input('I agree'));
    send();

    expect((await screen.findByRole('alert')).textContent).toContain('Some of what you entered is not valid.');
    expect(action).not.toHaveBeenCalled();
  });
});

describe('maxLengthOf', () => {
  it('reads a string’s limit from the request schema, through optional', () => {
    expect(maxLengthOf(createConsultationSchema.shape.title)).toBe(200);
    expect(maxLengthOf(createConsultationSchema.shape.description)).toBe(10_000);
    expect(maxLengthOf(createConsultationSchema.shape.moderationMode)).toBeUndefined();
  });
});
