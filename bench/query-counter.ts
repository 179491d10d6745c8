import pg from 'pg';

/**
 * Counts the statements node-postgres sends while it is installed, by prepared-statement name or
 * the statement's first words. Each one is a round trip (and a socket write) on the request's
 * path, so "statements per request" explains much of a write's latency and CPU. Bench-only: it
 * wraps pg.Client.prototype.query, which every pool in this process uses.
 */
export interface QueryCount {
  readonly total: number;
  /** Statement label → how many times it ran. */
  readonly byStatement: ReadonlyMap<string, number>;
}

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

function labelOf(first: unknown): string {
  if (typeof first === 'string') return first.trim().split(/\s+/).slice(0, 3).join(' ');
  const config = first as { name?: string; text?: string } | null;
  if (config?.name) return config.name;
  return labelOf(config?.text ?? '?');
}

export function countQueries(): { stop(): QueryCount } {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const counts = new Map<string, number>();
  let total = 0;
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const label = labelOf(args[0]);
    counts.set(label, (counts.get(label) ?? 0) + 1);
    total++;
    return original.apply(this, args);
  };
  return {
    stop() {
      proto.query = original;
      return { total, byStatement: counts };
    },
  };
}

/** "es_read_stream_v1 1.00, BEGIN 1.00, …" per request, most frequent first. */
export function perRequest(count: QueryCount, requests: number): string {
  const n = Math.max(1, requests);
  return [...count.byStatement]
    .sort((a, b) => b[1] - a[1])
    .filter(([, c]) => c / n >= 0.05)
    .map(([label, c]) => `${label} ${(c / n).toFixed(2)}`)
    .join(', ');
}
