/** Trimmed, non-blank, each once, in the order given (codes and ids lists from a request). */
export function distinct(values: readonly string[] | undefined): string[] {
  const list = Array.isArray(values) ? values : [];
  return [...new Set(list.map((v) => (typeof v === 'string' ? v.trim() : '')).filter((v) => v.length > 0))];
}
