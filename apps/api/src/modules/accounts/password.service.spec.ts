import { passwordProblem } from './password.service.js';

describe('passwordProblem', () => {
  it.each([
    ['', 'tooShort'],
    ['1234567', 'tooShort'],
    ['ééééééé', 'tooShort'],
    ['password', 'common'],
    ['PASSWORD1', 'common'],
    ['qwertyuiop', 'common'],
    ['x'.repeat(129), 'tooLong'],
    ['🙂'.repeat(129), 'tooLong'],
  ])('%j → %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each([['correct horse battery staple'], ['12345678-not-common-at-all'], ['x'.repeat(128)], ['🙂'.repeat(8)], ['पासवर्ड सुरक्षित है']])(
    'accepts %j',
    (password) => {
      expect(passwordProblem(password)).toBeUndefined();
    },
  );

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(passwordProblem('🙂'.repeat(128))).toBeUndefined();
    expect(passwordProblem('🙂'.repeat(4))).toBe('tooShort');
  });

  it('refuses a password equal to the email or display name', () => {
    expect(passwordProblem('Amina.Rahman@example.org', ['amina.rahman@example.org', 'Amina'])).toBe('common');
    expect(passwordProblem('a different one entirely', ['amina.rahman@example.org'])).toBeUndefined();
  });
});
