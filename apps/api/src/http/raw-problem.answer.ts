import { STATUS_CODES } from 'node:http';
import type { Problem } from './problem.js';

/**
 * Headers of a problem answered below the framework (no reply object, so no helmet hook): the
 * few that matter for an error body. Nothing here is taken from the request.
 */
export function rawProblemHeaders(body: string): Record<string, string> {
  return {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  };
}

/** A complete HTTP/1.1 response for a socket the parser gave up on; the connection is closed after it. */
export function rawProblemResponse(p: Problem): string {
  const body = JSON.stringify(p);
  const headers = Object.entries({ ...rawProblemHeaders(body), connection: 'close' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status] ?? 'Error'}\r\n${headers}\r\n${body}`;
}
