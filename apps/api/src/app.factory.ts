import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import { servesApi, type AppConfig } from '#config';
import { AppModule } from './app.module.js';
import { HTTP_METRICS, type HttpMetrics } from './metrics/http-metrics.js';
import { installBodyParsers } from './http/json-body.parser.js';
import { installInputHardening } from './http/input-hardening.installer.js';
import { installJsonCompression } from './http/json-compression.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installSessionPlugins } from './http/session-plugins.js';
import { setupSwagger } from './http/swagger.setup.js';
import { installWebApp } from './http/web-app.js';
import { createValidationPipe } from './http/validation.pipe.js';
import { WriteAnswerInterceptor } from './http/write-answer.interceptor.js';
import { createAppLogger, requestIdOf, withQuietStartup } from './logging/app-logger.js';
import { installRequestLog } from './logging/request-log.js';

/**
 * Builds the whole application from one config object; main.ts, the tests and the bench use it.
 * main.ts hands in the process's logger (it logs process warnings before the app exists).
 */
export async function createApp(
  config: AppConfig,
  options: { quiet?: boolean; logger?: PinoLogger } = {},
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createAppLogger(config, options.quiet);
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    genReqId: (raw: IncomingMessage) => {
      const id = requestIdOf(raw);
      // Left on the raw request too, where nestjs-pino's middleware looks for it.
      (raw as IncomingMessage & { id?: string }).id = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, logger), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(withQuietStartup(app.get(Logger)));
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'metrics'] });
  await installSecurityHeaders(app, config.access);
  await installSessionPlugins(app, config.access);
  await installJsonCompression(app.getHttpAdapter().getInstance());
  installBodyParsers(app, config.http.bodyLimitBytes);
  installInputHardening(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalInterceptors(new WriteAnswerInterceptor());
  const metrics = app.get<HttpMetrics>(HTTP_METRICS);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', async (req, reply) => {
    metrics.observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime);
  });
  installRequestLog(fastify, logger);
  // A worker (ROLE=worker) answers /health and /metrics only: no API documents, no web app.
  if (servesApi(config)) {
    setupSwagger(app);
    await installWebApp(app);
  }
  app.enableShutdownHooks();
  await app.init();
  return app;
}
