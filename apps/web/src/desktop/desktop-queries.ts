import { QueryClient } from '@tanstack/react-query';
import { ApiRefusal } from '../api/api.refusal';

/** Retrying cannot turn a refusal (4xx) into a yes; only failures without an answer, or 5xx, are retried. */
function retry(failures: number, error: unknown): boolean {
  if (error instanceof ApiRefusal && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

/**
 * The desktop's TanStack Query cache. One per signed-in person (DesktopApp creates it when
 * they sign in, and it goes when they sign out or the session ends), so no answer outlives the
 * session it was read in.
 */
export const createDesktopQueries = (): QueryClient =>
  new QueryClient({ defaultOptions: { queries: { retry, staleTime: 30_000 }, mutations: { retry: false } } });
