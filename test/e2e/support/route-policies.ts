import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACT_KEY, PUBLIC_KEY, type RoutePolicy } from '../../../apps/api/src/http/auth.guard.js';

export interface DeclaredRoute {
  /** e.g. `POST /api/v1/cases/:id/close` */
  readonly key: string;
  readonly policy: RoutePolicy | null;
  readonly isPublic: boolean;
}

const UNPREFIXED = new Set(['/health', '/metrics']);

const join = (...parts: string[]): string =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route the running application declares, with the access policy its decorators carry,
 * read from Nest's own metadata: a route added without a matrix probe is found here.
 */
export function declaredRoutes(app: NestFastifyApplication): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const ctor = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!ctor) continue;
      const base = String(Reflect.getMetadata('path', ctor) ?? '');
      for (const name of Object.getOwnPropertyNames(ctor.prototype)) {
        const handler = (ctor.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata('method', handler) as RequestMethod | undefined;
        const path = Reflect.getMetadata('path', handler) as string | undefined;
        if (method === undefined || path === undefined) continue;
        const local = join(base, path);
        const full = UNPREFIXED.has(local) ? local : join('api/v1', local);
        const policy = (Reflect.getMetadata(ACT_KEY, handler) ??
          Reflect.getMetadata(ACT_KEY, ctor) ??
          null) as RoutePolicy | null;
        const isPublic = Boolean(Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, ctor));
        routes.push({ key: `${RequestMethod[method]} ${full}`, policy, isPublic });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
