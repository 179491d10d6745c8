import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/**
 * autocannon on its own thread: in the server's event loop it would steal the very CPU time it
 * measures. The spec and the result cross the thread boundary as plain data.
 */
export interface LoadSpec {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Requests rotate over these paths (one per resource, so concurrent writers rarely collide). */
  readonly paths: readonly string[];
  /** JSON body; every `{{uuid}}` becomes a fresh UUID per request. */
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A distinct Idempotency-Key per request when set (prefix + counter), none when null. */
  readonly idempotencyPrefix: string | null;
}

export interface LoadResult {
  readonly seconds: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Response times of every answered request, ms, for percentiles the parent computes. */
  readonly latencies: number[];
  /** The first refused answer, to tell a broken scenario from a slow one. */
  readonly firstFailure: string | null;
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let firstFailure: string | null = null;
  let n = 0;
  const needsUuid = spec.body.includes('{{uuid}}');
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationSeconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const i = n++;
              const headers: Record<string, string> = { ...spec.headers };
              if (spec.idempotencyPrefix !== null) headers['idempotency-key'] = `${spec.idempotencyPrefix}-${i}`;
              return {
                ...req,
                path: spec.paths[i % spec.paths.length],
                headers,
                body: needsUuid ? spec.body.replaceAll('{{uuid}}', () => randomUUID()) : spec.body,
              };
            },
            onResponse: (status, body) => {
              if (status >= 200 && status < 300) return;
              firstFailure ??= `${status} ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (error, res) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status >= 200 && status < 300) ok++;
      else non2xx++;
    });
  });
  return {
    seconds: result.duration,
    ok,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencies,
    firstFailure,
  };
}

run(workerData as LoadSpec).then(
  (result) => parentPort?.postMessage({ result }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
