import { decodeCursor, encodeCursor } from './keyset-cursor.js';

describe('keyset cursors', () => {
  const id = '6ec68423-37b0-4553-8e4a-f7f7a09c8301';

  it('round-trips what a page hands out', () => {
    for (const cursor of [
      { t: '2026-11-26 21:34:27.198+00', id },
      { t: '2026-11-26 21:34:27+05:30', id, s: -3 },
    ]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
    expect(decodeCursor(undefined)).toBeUndefined();
  });

  it.each([
    ['not base64 json', 'not-a-cursor'],
    ['an injected timestamp', Buffer.from(JSON.stringify({ t: "2026-01-01'; select pg_sleep(5) --", id })).toString('base64url')],
    ['a bad id', Buffer.from(JSON.stringify({ t: '2026-11-26 21:34:27+00', id: 'x' })).toString('base64url')],
    ['a fractional score', Buffer.from(JSON.stringify({ t: '2026-11-26 21:34:27+00', id, s: 1.5 })).toString('base64url')],
  ])('refuses %s with 400 VALIDATION_FAILED', (_label, raw) => {
    expect(() => decodeCursor(raw)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
