import { ErrorCode } from '@compact-voices/contracts';
import { ApiError } from './api-client';
import { mapServerError } from './form-errors';

const FIELDS = ['currentPassword', 'newPassword'] as const;

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
