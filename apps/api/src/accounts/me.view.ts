import { ACTS, admit, type Act, type Principal } from '#security';

/** Who is signed in and what they may do; the web app builds its menus from `may`. */
export interface MeView {
  readonly userId: string;
  readonly name: string | null;
  readonly roles: readonly string[];
  readonly unit: string;
  readonly province: string;
  readonly gates: readonly string[];
  /** The acts of the access table the caller's roles allow (a national unit: reads only). */
  readonly may: readonly Act[];
  /** With a session cookie: the value of the X-CSRF-Token header its writes must carry. */
  readonly csrfToken?: string;
}

export const meView = (principal: Principal, csrfToken?: string): MeView => ({
  userId: principal.userId,
  name: principal.name ?? null,
  roles: principal.roles,
  unit: principal.unit,
  province: principal.province,
  gates: principal.gates,
  may: ACTS.filter((act) => admit(principal, act).ok),
  ...(csrfToken !== undefined ? { csrfToken } : {}),
});
