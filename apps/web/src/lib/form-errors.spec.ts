import { ErrorCode, type ErrorDetail } from '@compact-voices/contracts';
import { appealDecisionSchema, createCommentSchema, signUpSchema } from '@compact-voices/contracts/schemas';
import type { z } from 'zod';
import { ApiError } from './api-client';
import { fieldForPath, issueMessage, mapServerError, reasonMessage } from './form-errors';
import { initI18n } from './i18n';

const FIELDS = ['currentPassword', 'newPassword'] as const;

// Which codes have a message is read from the loaded language.
beforeAll(() => initI18n('en'));

describe('mapServerError', () => {
  it('puts each detail on its field (with or without the body. prefix) and keeps nothing form-wide', () => {
    const error = new ApiError({
      status: 400,
      code: ErrorCode.INVALID_CREDENTIALS,
      message: 'The current password is not correct',
      details: [{ field: 'body.currentPassword', reason: 'incorrect', message: 'The current password is not correct' }],
    });
    expect(mapServerError(error, { fields: FIELDS, codes: { INVALID_CREDENTIALS: 'newPassword' } })).toEqual({
      fieldErrors: { currentPassword: { key: 'form.errors.passwordIncorrect' } },
      formError: null,
    });
  });

  it('ties a code to a field when the API gives no details, and keeps an unknown field’s error form-wide', () => {
    const bare = new ApiError({ status: 401, code: ErrorCode.INVALID_CREDENTIALS, message: 'x' });
    expect(mapServerError(bare, { fields: FIELDS, codes: { INVALID_CREDENTIALS: 'currentPassword' } }).fieldErrors).toEqual({
      currentPassword: { key: 'errors.INVALID_CREDENTIALS' },
    });

    const partly = new ApiError({
      status: 400,
      code: ErrorCode.VALIDATION_FAILED,
      message: 'x',
      details: [
        { field: 'newPassword', reason: 'maxLength', message: 'x' },
        { field: 'somethingElse', reason: 'whitelist', message: 'x' },
      ],
    });
    const mapped = mapServerError(partly, { fields: FIELDS });
    expect(mapped.fieldErrors).toEqual({ newPassword: { key: 'form.errors.tooLong' } });
    expect(mapped.formError).toBe(partly);
  });

  it('sends WEAK_PASSWORD to the password field named by the form, whatever the API calls it', () => {
    const error = new ApiError({
      status: 400,
      code: ErrorCode.WEAK_PASSWORD,
      message: 'x',
      details: [{ field: 'password', reason: 'tooShort', message: 'x' }],
    });
    expect(mapServerError(error, { fields: FIELDS, password: 'newPassword' })).toEqual({
      fieldErrors: { newPassword: { key: 'form.errors.passwordTooShort', values: { min: 8 } } },
      formError: null,
    });
  });
});

describe('messages of the shared schemas’ issues', () => {
  const firstIssue = (result: z.ZodSafeParseResult<unknown>) => result.error!.issues[0];

  it('reads each reason as the API’s detail with that reason reads, a known limit with its number', () => {
    const blank = firstIssue(createCommentSchema.safeParse({ body: '  ' }));
    expect(issueMessage(blank)).toEqual({ key: 'form.errors.required' });
    expect(issueMessage(blank)).toEqual(reasonMessage('blank'));

    const twoLines = firstIssue(signUpSchema.safeParse({ email: 'a@example.org', password: 'x', displayName: 'A\u2028B' }));
    expect(issueMessage(twoLines)).toEqual({ key: 'form.errors.oneLine' });
    expect(reasonMessage('oneLine')).toEqual({ key: 'form.errors.oneLine' });

    const long = firstIssue(createCommentSchema.safeParse({ body: 'x'.repeat(5001) }));
    expect(issueMessage(long)).toEqual({ key: 'form.errors.tooLongMax', values: { max: 5000 } });
    expect(reasonMessage('maxLength')).toEqual({ key: 'form.errors.tooLong' });

    const choice = firstIssue(appealDecisionSchema.safeParse({ outcome: 'maybe', reason: 'Because.' }));
    expect(issueMessage(choice)).toEqual({ key: 'form.errors.invalidChoice' });
  });

  it('says an empty field is missing, in the field’s own words where the form has them', () => {
    const email = firstIssue(signUpSchema.pick({ email: true }).safeParse({ email: '' }));
    expect(issueMessage(email)).toEqual({ key: 'form.errors.emailInvalid' });
    expect(issueMessage(email, { empty: true })).toEqual({ key: 'form.errors.required' });
    expect(issueMessage(email, { empty: true, override: { required: 'emailRequired' } })).toEqual({ key: 'form.errors.emailRequired' });
  });

  it('finds the field of a dotted path: an alias, the field itself, or the field around an item', () => {
    const mapping = { fields: ['titleEn', 'countryIso3s', 'body'] as const, aliases: { 'title.en': 'titleEn' as const } };
    expect(fieldForPath('title.en', mapping)).toBe('titleEn');
    expect(fieldForPath('body.title.en', mapping)).toBe('titleEn');
    expect(fieldForPath('countryIso3s.2', mapping)).toBe('countryIso3s');
    expect(fieldForPath('body', mapping)).toBe('body');
    expect(fieldForPath('body.body', mapping)).toBe('body');
    expect(fieldForPath('body.parentId', mapping)).toBeNull();
  });

  it('gives a server detail the field’s own words too', () => {
    const details: ErrorDetail[] = [{ field: 'body', reason: 'blank', message: 'must not be blank' }];
    const error = new ApiError({ status: 400, code: ErrorCode.VALIDATION_FAILED, message: 'x', details });
    expect(mapServerError(error, { fields: ['body'], messages: { body: { required: 'commentRequired' } } }).fieldErrors).toEqual({
      body: { key: 'form.errors.commentRequired' },
    });
  });
});
