import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { type Problem, problem } from './problem.js';
import { rawProblemHeaders } from './raw-problem.answer.js';

/** Longer request targets are refused whole; Node itself stops at 16 KB of request line and headers. */
export const MAX_URL_LENGTH = 8192;

/**
 * The router answers two kinds of bad path itself, before any hook or filter: a path that is not
 * valid percent-encoded UTF-8 (400 FST_ERR_BAD_URL) and a path parameter longer than its
 * maxParamLength (414 FST_ERR_MAX_PARAM_LENGTH). Both answers are plain JSON that quote the path
 * back to the client. This check runs first and answers problem+json without the path.
 */
export function requestLineProblem(url: string, maxSegmentLength: number): Problem | null {
  if (url.length > MAX_URL_LENGTH) {
    return problem(414, 'REQUEST.URI_TOO_LONG', 'The request target is longer than the service accepts.');
  }
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  for (const segment of path.split('/')) {
    // Raw length: never shorter than what the router measures, whatever it decodes first.
    if (segment.length > maxSegmentLength) {
      return problem(414, 'REQUEST.URI_TOO_LONG', 'A segment of the request path is longer than the service accepts.');
    }
    try {
      decodeURIComponent(segment);
    } catch {
      return problem(400, 'REQUEST.BAD_URL', 'The request path is not valid percent-encoded UTF-8.');
    }
  }
  return null;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts the check in front of the framework's own request listener: a refused request never
 * reaches the router, a good one reaches it unchanged.
 */
export function guardRequestLine(server: Server, maxSegmentLength: number): void {
  const listeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const refusal = requestLineProblem(req.url ?? '/', maxSegmentLength);
    if (refusal) {
      const body = JSON.stringify(refusal);
      res.writeHead(refusal.status, rawProblemHeaders(body)).end(body);
      return;
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
}
