import { useCallback, useRef, useState } from 'react';
import { REVALIDATE, answer, api } from '../api/api.client';
import type { GateHandoverItem, GateHandoverPage } from '../api/api.views';
import { useRead } from '../api/use-read';
import { vietnamDay } from '../time/dual-time.format';

/** Rows per request: a day at one gate rarely has more; "show more" fetches the rest. */
const PAGE = 50;

const fetchPage = (cursor?: string, fresh?: boolean) =>
  answer<GateHandoverPage>(
    api.GET('/api/v1/handovers', {
      params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } },
      ...(fresh ? REVALIDATE : {}),
    }),
  );

/**
 * The handovers at the guard's gates, today and upcoming first (the api's order), page by page.
 * First drawn from the phone's copy of today's when there is one (gate.sw.mjs answers at once),
 * then from the server's answer; a refresh asks the server.
 */
export function useGateHandovers() {
  const drawn = useRef(false);
  const first = useRead<GateHandoverPage>('handovers/gate', async (later) => {
    const fresh = () => fetchPage(undefined, true);
    if (drawn.current) return fresh();
    drawn.current = true;
    const call = api.GET('/api/v1/handovers', { params: { query: { limit: PAGE } } });
    const page = await answer<GateHandoverPage>(call);
    if ((await call).response.headers.has('x-blo-cached')) later(fresh());
    return page;
  });
  const [more, setMore] = useState<{
    items: GateHandoverItem[];
    next: string | null;
    loading: boolean;
    error: unknown;
  }>();

  const next = more ? more.next : (first.data?.next ?? null);
  const loadMore = useCallback(() => {
    if (!next) return;
    setMore((m) => ({ items: m?.items ?? [], next, loading: true, error: undefined }));
    fetchPage(next).then(
      (page) =>
        setMore((m) => ({
          items: [...(m?.items ?? []), ...page.items],
          next: page.next,
          loading: false,
          error: undefined,
        })),
      (error: unknown) => setMore((m) => ({ items: m?.items ?? [], next, loading: false, error })),
    );
  }, [next]);

  const reload = useCallback(() => {
    setMore(undefined);
    first.reload();
  }, [first]);

  return {
    items: first.data ? [...first.data.items, ...(more?.items ?? [])] : undefined,
    loading: first.loading || (more?.loading ?? false),
    error: first.error ?? more?.error,
    hasMore: next !== null,
    loadMore,
    reload,
  };
}

export type HandoverGroup = 'today' | 'upcoming' | 'waiting' | 'earlier';

export const HANDOVER_GROUPS: readonly HandoverGroup[] = ['today', 'upcoming', 'waiting', 'earlier'];

/** Which heading a row goes under, by its Vietnam day against today's (the api counts Vietnam days). */
export function groupOf(item: GateHandoverItem, today: string): HandoverGroup {
  if (item.scheduledAt === null) return 'waiting';
  const day = vietnamDay(item.scheduledAt.at);
  if (day === today) return 'today';
  return day > today ? 'upcoming' : 'earlier';
}
