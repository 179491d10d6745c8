import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SIGN_IN_ACTOR, recordSignIn, recordedName } from '#accounts/application';
import type { AccessConfig } from '#config';
import { EVENT_STORE, type EventStore } from '#event-store';
import { problem } from './problem.js';

const SIGN_IN_ROUTE = '/api/v1/session';
/** How many refusals are remembered, so a flood of refused attempts is recorded once per window, not once each. */
const REMEMBERED_REFUSALS = 10_000;

type Limit = 'address' | 'account';

const typedName = (req: FastifyRequest): string | null => {
  const name = (req.body as { username?: unknown } | null | undefined)?.username;
  return typeof name === 'string' && name.trim() !== '' ? name.trim().toLowerCase() : null;
};

/**
 * Cookies for sessions, and rate limits on signing in (@fastify/rate-limit): per client address
 * and per account name, over SIGNIN_WINDOW_SECONDS. The limits run before the sign-in itself, so
 * a refused attempt costs no password hashing and writes nothing but the record of the refusal;
 * that record is written once per name or address and window, so a flood cannot fill the log.
 * Counters live in this process: with several api replicas each counts its own (ADR 0007).
 */
export async function installSessionPlugins(app: NestFastifyApplication, access: AccessConfig): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  const fastify = app.getHttpAdapter().getInstance();
  const timeWindow = access.signIn.windowSeconds * 1000;
  const limiters: [Limit, ReturnType<typeof fastify.createRateLimit>][] = [
    [
      'address',
      fastify.createRateLimit({ max: access.signIn.maxPerAddress, timeWindow, keyGenerator: (req) => req.ip }),
    ],
    [
      'account',
      fastify.createRateLimit({
        max: access.signIn.maxPerAccount,
        timeWindow,
        keyGenerator: (req) => typedName(req) ?? '',
        // No name, no account to protect: the request is refused as invalid further on.
        allowList: (req) => typedName(req) === null,
      }),
    ],
  ];
  const store = app.get<EventStore>(EVENT_STORE);
  const logger = new Logger('sign-in');
  const recorded = new Map<string, number>();

  const refuse = async (req: FastifyRequest, reply: FastifyReply, limit: Limit, key: string, retryAfter: number) => {
    const now = Date.now();
    const memo = `${limit}:${key}`;
    if ((recorded.get(memo) ?? 0) <= now) {
      if (recorded.size >= REMEMBERED_REFUSALS) forgetOldest(recorded, now);
      recorded.set(memo, now + retryAfter * 1000);
      const name = typedName(req);
      const event = {
        type: 'SignInThrottled' as const,
        data: {
          username: name === null ? null : recordedName(name),
          address: req.ip,
          limit,
          retryAfterSeconds: retryAfter,
        },
      };
      // The refusal stands even if it cannot be recorded: failing open here would lift the limit.
      await recordSignIn(store, event, SIGN_IN_ACTOR, new Date(now)).catch((error: unknown) =>
        logger.warn(`a refused sign-in could not be recorded: ${error instanceof Error ? error.name : typeof error}`),
      );
    }
    const p = problem(429, 'AUTH.TOO_MANY_ATTEMPTS', `Too many sign-in attempts; try again in ${retryAfter} seconds.`);
    return reply
      .code(429)
      .header('retry-after', String(retryAfter))
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(p);
  };

  fastify.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || req.routeOptions.url !== SIGN_IN_ROUTE) return;
    for (const [limit, limiter] of limiters) {
      const verdict = await limiter(req);
      if (!verdict.isAllowed && verdict.isExceeded)
        return refuse(req, reply, limit, verdict.key, Math.max(1, verdict.ttlInSeconds));
    }
  });
}

function forgetOldest(recorded: Map<string, number>, now: number): void {
  for (const [key, until] of recorded) if (until <= now) recorded.delete(key);
  while (recorded.size >= REMEMBERED_REFUSALS) recorded.delete(recorded.keys().next().value as string);
}
