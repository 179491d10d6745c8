/**
 * The continuous percentile (as PostgreSQL's percentile_cont: linear between the two nearest
 * ranks) of values given as [minutes, count] pairs, in hours rounded to 0.01 h.
 */
export function hoursAt(histogram: readonly (readonly [number, number])[], fraction: number): number | null {
  const sorted = [...histogram].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return null;
  const rank = fraction * (total - 1);
  const valueAt = (r: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (r < seen) return value;
    }
    return sorted[sorted.length - 1][0];
  };
  const lo = Math.floor(rank);
  const minutes = valueAt(lo) + (rank - lo) * (valueAt(Math.ceil(rank)) - valueAt(lo));
  return Math.round((minutes / 60) * 100) / 100;
}
