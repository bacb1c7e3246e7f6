import { ErrorCode } from '@compact-voices/contracts';
import { newPseudonym } from './accounts.repository.js';
import { FORMER_PARTICIPANT } from './me.service.js';
import { assertDisplayNameAllowed, isReservedDisplayName, readableForm } from './reserved-names.js';

describe('reserved display names', () => {
  it('reads a name as it looks: NFKC, case, accents, invisible characters, look-alike letters, punctuation', () => {
    expect(readableForm('  Ｐａｒｔｉｃｉｐａｎｔ\u200B  7K2M…9QX4ZB ')).toBe('participant 7k2m 9qx4zb');
    expect(readableForm('Раrticipant')).toBe('participant'); // Cyrillic Р and а
    expect(readableForm('ΡΑRΤΙCΙΡΑΝΤ')).toBe('participant'); // Greek capitals
    expect(readableForm('Pártícìpant—ＦＯＲＭＥＲ')).toBe('participant former');
  });

  it.each([
    ['a freshly drawn pseudonym', newPseudonym()],
    ['the erased author label', FORMER_PARTICIPANT],
    ['Cyrillic look-alikes', 'Раrticipant 7K2M9QX4ZB'],
    ['Greek look-alikes', 'ΡARTΙCΙPΑNT 7K2M9Q'],
    ['lower case with a hyphen', 'participant-7k2m9qx4zb'],
    ['doubled spaces in capitals', 'FORMER  PARTICIPANT'],
    ['no space', 'FormerParticipant'],
    ['punctuation between', 'former.participant!'],
    ['a zero-width space inside', 'Partici\u200Bpant 7K2M9Q'],
    ['fullwidth letters', 'Ｐａｒｔｉｃｉｐａｎｔ ７Ｋ２Ｍ９Ｑ'],
    ['a code split with digits in each part', 'Participant 7K2M 9QX4'],
    ['a code glued on', 'Participant7K2M9Q'],
    ['accents', 'Pàrticipant 7K2M9Q'],
    ['a code without digits', 'Participant ABCDEF'],
    ['a word where a code goes', 'Participant observer'],
    ['an organisation alias', 'Protected member 4KX2'],
    ['an organisation alias in other dress', 'protected-member 4kx2'],
  ])('refuses %s (%s)', (_label, name) => {
    expect(isReservedDisplayName(name)).toBe(true);
  });

  it.each([
    ['an ordinary name', 'Amina Rahman'],
    ['the bare word', 'Participant'],
    ['a short code', 'Participant 42'],
    ['a phrase after the word', 'Participant from Nepal'],
    ['the word inside a name', 'Amina, participant'],
    ['the plural', 'Participants 2027'],
    ['a former something else', 'Former migrant worker'],
    ['Cyrillic that reads as Cyrillic', 'Анна Петрова'],
    ['Urdu', 'عائشہ خان'],
    ['the word with a year elsewhere', 'Participant in 2027 review'],
  ])('accepts %s (%s)', (_label, name) => {
    expect(isReservedDisplayName(name)).toBe(false);
  });

  it('answers a reserved name with DISPLAY_NAME_RESERVED about displayName, and lets others (and no name) through', () => {
    expect(() => assertDisplayNameAllowed('Former participant')).toThrow(
      expect.objectContaining({
        code: ErrorCode.DISPLAY_NAME_RESERVED,
        details: [expect.objectContaining({ field: 'displayName', reason: 'reserved' })],
      }),
    );
    expect(() => assertDisplayNameAllowed('Amina')).not.toThrow();
    expect(() => assertDisplayNameAllowed(undefined)).not.toThrow();
  });
});
