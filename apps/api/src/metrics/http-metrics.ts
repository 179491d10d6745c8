/**
 * Request counters and a latency histogram per route template and status, kept in memory and
 * exposed in Prometheus text format. Route templates (not raw URLs) keep the label set small
 * and keep ids — which may identify a case — out of the metrics.
 */
const BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

interface Series {
  count: number;
  sumMs: number;
  buckets: number[];
}

export class HttpMetrics {
  private readonly series = new Map<string, Series>();

  observe(method: string, route: string, status: number, ms: number): void {
    const key = `${method}\u0000${route}\u0000${status}`;
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { count: 0, sumMs: 0, buckets: BUCKETS_MS.map(() => 0) }));
    s.count += 1;
    s.sumMs += ms;
    BUCKETS_MS.forEach((b, i) => {
      if (ms <= b) s.buckets[i] += 1;
    });
  }

  render(): string {
    const lines = [
      '# HELP blo_http_requests_total HTTP requests by route template and status.',
      '# TYPE blo_http_requests_total counter',
    ];
    const hist = [
      '# HELP blo_http_request_duration_ms Request duration.',
      '# TYPE blo_http_request_duration_ms histogram',
    ];
    for (const [key, s] of this.series) {
      const [method, route, status] = key.split('\u0000');
      const labels = `method="${method}",route="${route.replace(/["\\\n]/g, '_')}",status="${status}"`;
      lines.push(`blo_http_requests_total{${labels}} ${s.count}`);
      BUCKETS_MS.forEach((b, i) =>
        hist.push(`blo_http_request_duration_ms_bucket{${labels},le="${b}"} ${s.buckets[i]}`),
      );
      hist.push(`blo_http_request_duration_ms_bucket{${labels},le="+Inf"} ${s.count}`);
      hist.push(`blo_http_request_duration_ms_sum{${labels}} ${s.sumMs.toFixed(3)}`);
      hist.push(`blo_http_request_duration_ms_count{${labels}} ${s.count}`);
    }
    return [...lines, ...hist].join('\n');
  }
}

export const HTTP_METRICS = Symbol('HTTP_METRICS');
