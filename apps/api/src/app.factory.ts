import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogLevel } from '@nestjs/common';
import type { AppConfig } from '#config';
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

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

/** Builds the whole application from one config object; main.ts, the tests and the bench use it. */
export async function createApp(config: AppConfig, options: { quiet?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.http.bodyLimitBytes });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.quiet ? ['fatal', 'error'] : LEVELS[config.logLevel],
    abortOnError: false,
  });
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
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', async (req, reply) => {
      metrics.observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime);
    });
  setupSwagger(app);
  await installWebApp(app);
  app.enableShutdownHooks();
  await app.init();
  return app;
}
