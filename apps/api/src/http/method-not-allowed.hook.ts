import type { FastifyInstance } from 'fastify';
import { ProblemError, problem } from './problem.js';

/** A route's path as a whole-path pattern: `:param` matches one segment. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * The router only knows "no route", so `DELETE /api/v1/cases` answered 404 as if the resource
 * did not exist. Routes are collected as they are registered; a request that found none but
 * whose path another method serves answers 405 with the Allow header (RFC 9110 §15.5.6).
 * Wildcard routes (static files, CORS preflight) are left out: they would allow anything.
 */
export function answerMethodNotAllowed(instance: FastifyInstance): void {
  const methodsByUrl = new Map<string, Set<string>>();
  let compiled: { pattern: RegExp; methods: Set<string> }[] | null = null;
  instance.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return;
    const methods = methodsByUrl.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) methods.add(method.toUpperCase());
    if (methods.has('GET')) methods.add('HEAD');
    methodsByUrl.set(route.url, methods);
    compiled = null;
  });
  instance.addHook('onRequest', async (req, reply) => {
    if (!req.is404) return;
    compiled ??= [...methodsByUrl].map(([url, methods]) => ({ pattern: patternOf(url), methods }));
    const url = req.raw.url ?? '/';
    const end = url.search(/[?#]/);
    const path = end === -1 ? url : url.slice(0, end);
    const allowed = new Set(compiled.filter((r) => r.pattern.test(path)).flatMap((r) => [...r.methods]));
    if (allowed.size === 0) return;
    void reply.header('allow', [...allowed].sort().join(', '));
    throw new ProblemError(problem(405, 'REQUEST.METHOD_NOT_ALLOWED', 'The resource does not accept this method.'));
  });
}
