import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { answerClientErrors } from './client-error.responder.js';
import { answerMethodNotAllowed } from './method-not-allowed.hook.js';
import { guardRequestLine } from './request-line.guard.js';
import { refuseUnstorableRequestText } from './request-text.hook.js';

/**
 * How long a client may take. Fastify leaves the whole-request and idle limits off by default,
 * so a client that announced a body and stopped sending held its connection for ever.
 * - headers: 20 s to send the request line and headers (slow-loris);
 * - request: 60 s for the whole request, a 1 MB body included, on a poor border-post link;
 * - idle: 120 s without a byte either way on an open connection (a client that stopped reading).
 * Node checks the first two every 30 s (connectionsCheckingInterval), so a timeout may be
 * answered up to that much later; it answers 408 through the 'clientError' responder.
 */
export const HTTP_TIMEOUTS = { headersMs: 20_000, requestMs: 60_000, idleMs: 120_000 } as const;

/**
 * Everything that makes every refusal of the HTTP layer a problem+json that echoes nothing, and
 * that keeps text PostgreSQL cannot store out of the service: called once, before the routes
 * are registered (the 405 answer learns them as they come) and before the server listens.
 */
export function installInputHardening(app: NestFastifyApplication): void {
  const server: Server = app.getHttpServer();
  const instance: FastifyInstance = app.getHttpAdapter().getInstance();
  server.headersTimeout = HTTP_TIMEOUTS.headersMs;
  server.requestTimeout = HTTP_TIMEOUTS.requestMs;
  server.setTimeout(HTTP_TIMEOUTS.idleMs);
  const { maxParamLength } = instance.initialConfig.routerOptions ?? {};
  guardRequestLine(server, maxParamLength ?? instance.initialConfig.maxParamLength ?? 100);
  answerClientErrors(server);
  refuseUnstorableRequestText(instance);
  answerMethodNotAllowed(instance);
}
