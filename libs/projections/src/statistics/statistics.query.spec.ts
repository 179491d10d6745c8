import { hoursAt } from './reply-hours.js';

describe('percentiles of grouped minutes', () => {
  it('interpolates between the nearest ranks as percentile_cont does', () => {
    expect(
      hoursAt(
        [
          [60, 1],
          [120, 1],
        ],
        0.5,
      ),
    ).toBe(1.5);
    expect(
      hoursAt(
        [
          [120, 1],
          [60, 1],
        ],
        0.9,
      ),
    ).toBe(1.9);
    expect(
      hoursAt(
        [
          [0, 9],
          [600, 1],
        ],
        0.9,
      ),
    ).toBe(1);
    expect(hoursAt([[90, 3]], 0.5)).toBe(1.5);
  });

  it('has no percentile without values', () => {
    expect(hoursAt([], 0.5)).toBeNull();
  });
});
