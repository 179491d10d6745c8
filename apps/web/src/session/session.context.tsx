import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { REVALIDATE, answer, api, onSessionEnded, setCsrfToken } from '../api/api.client';
import { ApiRefusal } from '../api/api.refusal';
import type { MeView } from '../api/api.views';

/** Why the sign-in page is showing, when it is not the first visit. */
export type SignedOutReason = 'sessionEnded' | 'signedOut';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signedOut'; readonly reason?: SignedOutReason }
  | { readonly status: 'signedIn'; readonly me: MeView };

export interface Session {
  readonly state: SessionState;
  /** Resolves once signed in; rejects with an ApiRefusal (wrong password, too many attempts, offline). */
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

/** Who is signed in, or null. A 401 here is an answer ("nobody"), not an error. */
async function fetchMe(fresh?: boolean): Promise<MeView | null> {
  try {
    return await answer<MeView>(api.GET('/api/v1/me', fresh ? REVALIDATE : {}));
  } catch (error) {
    if (error instanceof ApiRefusal && error.status === 401) return null;
    throw error;
  }
}

const SessionContext = createContext<Session | null>(null);

/**
 * The one place that knows whether someone is signed in: GET /me on load, POST /session to sign
 * in, DELETE /session to sign out, and a 401 from any other call ends the session on screen.
 * Plain React state, no query library: both apps need it and the gate app counts its bytes. The
 * signed-in screens are unmounted when the session ends, and with them every answer they held,
 * so nothing read as one person is shown to the next.
 */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const enter = useCallback((me: MeView) => {
    setCsrfToken(me.csrfToken);
    setState({ status: 'signedIn', me });
  }, []);

  const leave = useCallback((reason?: SignedOutReason) => {
    setCsrfToken(undefined);
    setState(reason ? { status: 'signedOut', reason } : { status: 'signedOut' });
  }, []);

  useEffect(() => {
    let current = true;
    const settle = (me: MeView | null) => current && (me ? enter(me) : leave());
    fetchMe().then(
      (me) => {
        settle(me);
        // No CSRF token: the gate's copy on the phone (gate.sw.mjs), drawn at once. The server's
        // answer replaces it, or ends the session (401); with no answer, the copy stays.
        if (me && me.csrfToken === undefined) fetchMe(true).then(settle, () => undefined);
      },
      // No answer at all (offline, server down): the sign-in page, which says why when it fails.
      () => current && leave(),
    );
    return () => {
      current = false;
    };
  }, [enter, leave]);

  useEffect(() => onSessionEnded(() => leave('sessionEnded')), [leave]);

  const signIn = useCallback(
    async (username: string, password: string) =>
      enter(await answer<MeView>(api.POST('/api/v1/session', { body: { username, password } }))),
    [enter],
  );

  const signOut = useCallback(async () => {
    try {
      await answer<unknown>(api.DELETE('/api/v1/session'));
    } catch (error) {
      // Already ended on the server (401) is what we wanted; on anything else the person still
      // leaves this screen signed out, and the server's idle limit ends the session.
      if (!(error instanceof ApiRefusal)) throw error;
    }
    leave('signedOut');
  }, [leave]);

  const session = useMemo<Session>(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext value={session}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The signed-in person; for components rendered only inside the signed-in shell. */
export function useMe(): MeView {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe outside the signed-in shell');
  return state.me;
}
