import { useCallback, useEffect, useState } from 'react';

export interface Read<T> {
  /** The last answer, kept while a reload is under way. */
  readonly data: T | undefined;
  /** Why the last attempt failed (an ApiRefusal, see refusal.text.ts), or undefined. */
  readonly error: unknown;
  readonly loading: boolean;
  reload(): void;
}

/**
 * A read for screens that cannot afford a query library: the gate app has a budget of 100 KB of
 * gzipped script and TanStack Query alone costs about 10 KB of it. Loads when `key` changes or on
 * reload(); an answer that arrives after a newer request started, or after unmount, is dropped.
 * `load` may hand over a fresher answer with `later` (a copy drawn at once, then the server's).
 * The desktop app uses TanStack Query instead (desktop/desktop.app.tsx provides the client).
 */
export function useRead<T>(key: string, load: (later: (fresher: Promise<T>) => void) => Promise<T>): Read<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    // Every answer gets its handlers, even one that arrives after unmount: a refusal (the 401
    // that ended the session and unmounted this screen) must not surface as an unhandled error.
    const settle = (answer: Promise<T>) => {
      if (current) setState((s) => ({ ...s, loading: true }));
      answer.then(
        (data) => current && setState({ data, error: undefined, loading: false }),
        (error: unknown) => current && setState((s) => ({ data: s.data, error, loading: false })),
      );
    };
    settle(load(settle));
    return () => {
      current = false;
    };
    // Deliberately not on `load`: it is a new closure on every render; `key` says when it asks
    // for something else.
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
