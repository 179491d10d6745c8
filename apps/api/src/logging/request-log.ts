import type { FastifyInstance } from 'fastify';
import { parseTraceparent } from '#event-store';
import type { Logger } from 'pino';
import type { AuthenticatedRequest } from '../http/request-context.js';

/**
 * One line per request, written when the answer has gone: request id, the caller's subject (the
 * token's `sub`, never a name), the W3C trace id when the caller sent one, method, route pattern (`/api/v1/cases/:id`: never the URL, so
 * never a query string), status and duration. Never a header or a body: those are where the
 * personal data is.
 */
export function installRequestLog(fastify: FastifyInstance, logger: Logger): void {
  const log = logger.child({ context: 'http' });
  fastify.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  fastify.addHook('onResponse', async (req, reply) => {
    // LOG_LEVEL=warn (and the tests' quiet apps) skip building the line at all.
    if (!log.isLevelEnabled('info')) return;
    log.info(
      {
        reqId: req.id,
        // Only the ids of a valid header: the raw header is the client's text.
        traceId: parseTraceparent(req.headers.traceparent)?.traceId ?? null,
        userId: (req as AuthenticatedRequest).actor?.userId ?? null,
        method: req.method,
        route: req.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}
