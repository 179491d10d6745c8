import createClient, { type Middleware } from 'openapi-fetch';
import { ApiRefusal } from './api.refusal';
import type { paths } from './schema';

/**
 * The CSRF token of the current session. Memory only, never storage: a script that could read
 * storage could then forge writes; after a reload, GET /me hands it back (ADR 0007).
 */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const sessionEndedListeners = new Set<() => void>();

/** Called when any call answers 401: the session ended (idle, signed out elsewhere, account disabled). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

/** Past a copy the gate's service worker drew at once (gate.sw.mjs): the server's answer, please. */
export const REVALIDATE = { headers: { 'X-Revalidate': '1' } };

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Where a 401 is an answer, not news: signing in with a wrong password, asking who is signed in. */
const SESSION_PATHS = new Set(['/api/v1/session', '/api/v1/me']);

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!READS.has(request.method) && csrfToken !== undefined) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && !SESSION_PATHS.has(schemaPath))
      for (const listener of sessionEndedListeners) listener();
    return undefined;
  },
};

/**
 * The api, typed from its OpenAPI document (./schema.d.ts, `npm run gen:api`). Same origin, so
 * the session cookie goes with every call and no URL is configured. Paths are written in full
 * (`/api/v1/…`) as the document names them.
 */
export const api = createClient<paths>({ baseUrl: '' });
api.use(sessionMiddleware);

interface Answer {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * The body of a successful call, or throws an ApiRefusal (never a raw error): screens then say
 * why in words. `T` names the body while the document does not describe it (see api.views.ts).
 *
 *   const me = await answer<MeView>(api.GET('/api/v1/me'));
 */
export async function answer<T>(call: Promise<Answer>): Promise<T> {
  let result: Answer;
  try {
    result = await call;
  } catch (error) {
    throw ApiRefusal.noAnswer(error);
  }
  if (!result.response.ok) throw ApiRefusal.fromAnswer(result.response, result.error);
  return result.data as T;
}
