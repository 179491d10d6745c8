import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DynamicModule, LoggerService } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '#config';
import { correlationIdFor } from '#event-store';

const LEVELS: Record<AppConfig['logLevel'], 'error' | 'warn' | 'info' | 'debug'> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
};

/**
 * The process's one pino logger. JSON lines on stdout, which is what a log collector reads;
 * coloured lines only for a person at a terminal outside production. Nothing here knows
 * about bodies or persons: what is logged is chosen field by field where a line is written
 * (request-log.ts), never by serialising a request.
 */
export function createAppLogger(config: AppConfig, quiet = false): Logger {
  const options = {
    level: quiet ? 'error' : LEVELS[config.logLevel],
    // A name would be a constant on every line; the pid and host are the orchestrator's to add.
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (process.stdout.isTTY && !config.production)
    return pino(options, pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'context' }));
  return pino(options);
}

/**
 * The request id: the client's X-Request-Id when it is a sane token (the same rule as a
 * correlation id: letters, digits and . _ : -, at most 128), else a new UUID. Also the
 * correlation id of what the request records, unless the client sent X-Correlation-Id.
 */
export function requestIdOf(raw: IncomingMessage): string {
  return correlationIdFor(raw.headers['x-request-id']);
}

/**
 * nestjs-pino as Nest's LoggerService: lines written through Nest's Logger (projections, relay,
 * sign-in, …) become JSON with their context, and those written during a request carry its
 * reqId. Its own request logging is off: request-log.ts writes one line per request after the
 * route is known, which pino-http (a middleware ahead of the router) cannot see.
 */
export function appLoggerModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      logger,
      autoLogging: false,
      quietReqLogger: true,
      // Fastify gave the raw request its id already (app.factory.ts); pino-http reuses it.
      genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
    },
  });
}

/** Nest's start-up chatter: a line per module and per route (about 150), every start. */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/**
 * Nest's logger with its start-up chatter moved to debug: at the default level a start prints the
 * lines an operator acts on (the address, the role, warnings), not the route table, which
 * LOG_LEVEL=debug still shows.
 */
export function withQuietStartup(inner: LoggerService): LoggerService {
  const startup = (params: unknown[]): boolean => STARTUP_CONTEXTS.has(params[params.length - 1] as string);
  return {
    log(message: unknown, ...params: unknown[]): void {
      if (startup(params)) inner.debug?.(message, ...params);
      else inner.log(message, ...params);
    },
    error(message: unknown, ...params: unknown[]): void {
      inner.error(message, ...params);
    },
    warn(message: unknown, ...params: unknown[]): void {
      inner.warn(message, ...params);
    },
    debug(message: unknown, ...params: unknown[]): void {
      inner.debug?.(message, ...params);
    },
    verbose(message: unknown, ...params: unknown[]): void {
      inner.verbose?.(message, ...params);
    },
    fatal(message: unknown, ...params: unknown[]): void {
      inner.fatal?.(message, ...params);
    },
  };
}
