import { CHINA_ZONE, VIETNAM_ZONE, formatDualTime, vietnamDay } from '../../apps/web/src/time/dual-time.format.js';

describe('a time shown on both sides of the border', () => {
  it('is one hour later on a clock in China', () => {
    const t = formatDualTime('2026-03-05T09:00:00+08:00', 'vi');
    expect(t.vn).toContain('08:00');
    expect(t.cn).toContain('09:00');
  });

  it('shows the date of each side when midnight falls between them', () => {
    const t = formatDualTime('2026-03-05T23:30:00+07:00', 'en');
    expect(t.vn).toMatch(/Thu.*5.*2026.*23:30/);
    expect(t.cn).toMatch(/Fri.*6.*2026.*00:30/);
  });

  it('speaks the reader’s language', () => {
    expect(formatDualTime('2026-03-05T01:00:00Z', 'zh-Hans').cn).toMatch(/2026年3月5日.*09:00/);
    expect(formatDualTime('2026-03-05T01:00:00Z', 'vi').vn).toMatch(/08:00.*thg 3/);
  });

  it('takes a Date or any ISO offset and reads the same instant', () => {
    const a = formatDualTime(new Date('2026-03-05T01:00:00Z'), 'en');
    expect(formatDualTime('2026-03-05T08:00:00+07:00', 'en')).toEqual(a);
    expect(formatDualTime('2026-03-05T09:00:00+08:00', 'en')).toEqual(a);
  });

  it('refuses what is not an instant rather than showing "Invalid Date"', () => {
    expect(() => formatDualTime('not a time', 'vi')).toThrow(RangeError);
  });

  it('names the zones by their IANA names', () => {
    expect([VIETNAM_ZONE, CHINA_ZONE]).toEqual(['Asia/Ho_Chi_Minh', 'Asia/Shanghai']);
  });

  it('counts days as Vietnam does', () => {
    expect(vietnamDay('2026-03-05T16:59:00Z')).toBe('2026-03-05');
    expect(vietnamDay('2026-03-05T17:00:00Z')).toBe('2026-03-06');
  });
});
