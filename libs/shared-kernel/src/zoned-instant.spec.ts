import { isIsoWithOffset, localTimes, parseZoned } from './zoned-instant.js';

describe('zoned instants', () => {
  it('keeps the declared offset and names the zone for either side of the border', () => {
    expect(parseZoned('2026-03-05T09:00:00+08:00')).toEqual({
      at: '2026-03-05T01:00:00.000Z',
      offset: '+08:00',
      zone: 'Asia/Shanghai',
    });
    expect(parseZoned('2026-03-05T09:00:00+07:00').zone).toBe('Asia/Ho_Chi_Minh');
  });

  it.each([
    '2026-03-05T09:00:00',
    '2026-03-05',
    '2026-02-30T09:00:00+07:00',
    '2026-03-05T25:00:00Z',
    'tomorrow',
    '2026-03-05T09:00:00+15:00',
  ])('refuses %s', (value) => expect(isIsoWithOffset(value)).toBe(false));

  it('shows an instant in both local times', () => {
    expect(localTimes('2026-03-05T01:00:00.000Z')).toEqual({
      vn: '2026-03-05T08:00:00+07:00',
      cn: '2026-03-05T09:00:00+08:00',
    });
  });
});
