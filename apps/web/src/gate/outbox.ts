import { answer, api, setCsrfToken } from '../api/api.client';
import { ApiRefusal, type FieldError } from '../api/api.refusal';
import type { MeView } from '../api/api.views';

/**
 * The gate's outbox: every write of the gate app is first stored on the device (IndexedDB), with
 * its exact body and an Idempotency-Key, then sent, now or when the link returns. The api answers
 * the same key and body with its first answer and writes nothing more, so a send whose answer was
 * lost can be repeated safely: the write is recorded exactly once. Not Workbox BackgroundSync: it
 * drops a request on any HTTP answer (401, 5xx included). Here an item leaves the "pending" state
 * only on a 2xx (sent) or a refusal the guard must decide about (needs attention); it leaves the
 * outbox only when the guard discards it.
 */
export type OutboxKind = 'confirmation' | 'transfer';
export type OutboxState = 'pending' | 'sent' | 'attention';

export interface OutboxItem {
  /** The Idempotency-Key, also the item's id. */
  readonly key: string;
  readonly kind: OutboxKind;
  readonly handoverId: string;
  /** POST to this path. */
  readonly url: string;
  /** The exact JSON sent; emptied once sent (it holds personal data: health, notes). */
  readonly body: string;
  readonly createdAt: string;
  readonly state: OutboxState;
  readonly sentAt?: string;
  /** Why the api refused it (state 'attention'). */
  readonly refusal?: { readonly status: number; readonly code?: string; readonly fieldErrors: readonly FieldError[] };
  /** Who made it: sent only with that person's session, never with the next guard's on this phone. */
  readonly userId: string;
  /** What the list shows once the body is gone: the person of a transfer. */
  readonly personId?: string;
}

const STORE = 'items';
let opened: Promise<IDBDatabase> | undefined;

function db(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open('blo-gate-outbox', 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB'));
  });
  return opened;
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const store = (await db()).transaction(STORE, mode).objectStore(STORE);
  return new Promise((resolve, reject) => {
    const request = act(store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB'));
  });
}

const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const outboxItems = (): Promise<OutboxItem[]> =>
  run('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>).then((items) =>
    items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  );

async function put(item: OutboxItem): Promise<void> {
  await run('readwrite', (s) => s.put(item));
  changed();
}

/** Stores a write and tries to send it at once; resolves with the item as it stands after that. */
export async function enqueue(
  kind: OutboxKind,
  handoverId: string,
  body: object,
  personId?: string,
): Promise<OutboxItem> {
  const key = crypto.randomUUID();
  const url = `/api/v1/handovers/${handoverId}/${kind === 'confirmation' ? 'confirmation' : 'onward-transfers'}`;
  const item: OutboxItem = {
    key,
    kind,
    handoverId,
    url,
    body: JSON.stringify(body),
    createdAt: new Date().toISOString(),
    state: 'pending',
    userId: signedIn ?? '',
    ...(personId ? { personId } : {}),
  };
  await put(item);
  await flush();
  return (await run('readonly', (s) => s.get(key) as IDBRequest<OutboxItem>)) ?? item;
}

/** The guard's explicit decision on an item that needs attention: send again (a new key: nothing was written) or drop it. */
export async function retry(item: OutboxItem, body: string = item.body): Promise<void> {
  await run('readwrite', (s) => s.delete(item.key));
  const { refusal: _r, ...rest } = item;
  await put({ ...rest, key: crypto.randomUUID(), body, state: 'pending' });
  await flush();
}

export async function discard(item: OutboxItem): Promise<void> {
  await run('readwrite', (s) => s.delete(item.key));
  changed();
}

/** Called when a confirmation went through: the person identities of the handover are no longer needed on this phone. */
let afterSent: (item: OutboxItem) => void = () => undefined;
export const whenSent = (hook: (item: OutboxItem) => void) => {
  afterSent = hook;
};

let flushing: Promise<void> | undefined;
/** The userId of the guard signed in on this page (startOutbox). */
let signedIn: string | undefined;

/**
 * Sends every pending item, oldest first, one at a time. One flush at a time per page, so an item
 * is never in flight twice from here; across tabs the Idempotency-Key keeps it to one write.
 */
export function flush(): Promise<void> {
  flushing ??= sendPending().finally(() => {
    flushing = undefined;
    countAttempt();
  });
  return flushing;
}

/**
 * Every finished attempt is counted on the document (`data-outbox-attempts` on <html>): whether
 * the phone has tried since the link came back is otherwise invisible when nothing was due, and
 * support (devtools) and the browser tests need to tell "tried, nothing to send" from "not yet".
 */
function countAttempt(): void {
  const root = document.documentElement;
  root.dataset.outboxAttempts = String(Number(root.dataset.outboxAttempts ?? '0') + 1);
}

async function sendPending(): Promise<void> {
  const pending = (await outboxItems()).filter((i) => i.state === 'pending' && i.userId === signedIn);
  if (pending.length === 0 || !navigator.onLine) return;
  // The session's current CSRF token (it may have changed since the item was stored, or the
  // page may have started offline without one).
  try {
    // Past the service worker's copy (gate.sw.mjs), which has no token: only the server's answer has it.
    const me = await answer<MeView>(api.GET('/api/v1/me', { headers: { 'X-Network-Only': '1' } }));
    if (me.userId !== signedIn) return; // someone else signed in meanwhile (another tab): their page sends theirs
    if (me.csrfToken) setCsrfToken(me.csrfToken);
  } catch (error) {
    // No answer: later. Signed out: the first send answers 401 too, which takes the guard to the
    // sign-in page (api.client.ts); the item stays pending and goes after signing in.
    if (!(error instanceof ApiRefusal) || error.status !== 401) return;
  }
  for (const item of pending) {
    try {
      await send(item);
      await put({ ...item, body: '', state: 'sent', sentAt: new Date().toISOString() });
      afterSent(item);
    } catch (error) {
      if (!(error instanceof ApiRefusal)) throw error;
      // No answer, the session ended, too many requests, the server down: keep it pending.
      // A CSRF refusal means the token was not yet the session's: nothing was written, try again later.
      if ([0, 401, 429].includes(error.status) || error.status >= 500 || error.code === 'AUTH.CSRF') return;
      await put({
        ...item,
        state: 'attention',
        refusal: {
          status: error.status,
          ...(error.code ? { code: error.code } : {}),
          fieldErrors: error.fieldErrors,
        },
      });
    }
  }
}

function send(item: OutboxItem): Promise<unknown> {
  // The stored text goes as it is: the same key with another body would be refused (422).
  const options = {
    params: { path: { id: item.handoverId } },
    body: JSON.parse(item.body) as never,
    bodySerializer: () => item.body,
    headers: { 'Idempotency-Key': item.key, 'Content-Type': 'application/json' },
  };
  return answer(
    item.kind === 'confirmation'
      ? api.POST('/api/v1/handovers/{id}/confirmation', options)
      : api.POST('/api/v1/handovers/{id}/onward-transfers', options),
  );
}

/** Sends when the link returns, at start, and every 30 s while the app is visible. */
export function startOutbox(userId: string): () => void {
  signedIn = userId;
  const tick = () => {
    if (document.visibilityState === 'visible') void flush();
  };
  // The link often comes back in steps (radio up before the route): try again a little later too.
  const online = () => {
    tick();
    window.setTimeout(tick, 3_000);
  };
  window.addEventListener('online', online);
  document.addEventListener('visibilitychange', tick);
  const timer = window.setInterval(tick, 30_000);
  tick();
  return () => {
    window.removeEventListener('online', online);
    document.removeEventListener('visibilitychange', tick);
    window.clearInterval(timer);
    signedIn = undefined;
  };
}
