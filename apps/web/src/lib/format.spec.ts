import { formatDate, formatDateTime, setDisplayTimeZone, validTimeZone } from './format';

describe('dates in a page the server rendered', () => {
  afterEach(() => setDisplayTimeZone(undefined));

  const instant = '2026-12-03T21:30:00.000Z';

  it('writes them in the zone the page was rendered in, whatever the browser’s', () => {
    setDisplayTimeZone({ timeZone: 'Asia/Kathmandu', named: false });
    expect(formatDateTime(instant, 'en')).toBe('Dec 4, 2026, 3:15 AM');
    expect(formatDate(instant, 'en')).toBe('December 4, 2026');
  });

  it('names the zone when it was a guess', () => {
    setDisplayTimeZone({ timeZone: 'UTC', named: true });
    expect(formatDateTime(instant, 'en')).toMatch(/Dec 3, 2026, 9:30\s?PM UTC/);
  });

  it('accepts only zone names Intl knows', () => {
    // ICU may answer with the zone's older canonical spelling.
    expect(validTimeZone('Asia/Kathmandu')).toMatch(/^Asia\/Kath?mandu$/);
    expect(validTimeZone('Not/AZone')).toBeUndefined();
    expect(validTimeZone('</script>')).toBeUndefined();
    expect(validTimeZone(undefined)).toBeUndefined();
  });
});
