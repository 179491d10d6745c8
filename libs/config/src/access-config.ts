/**
 * Configuration of sign-in, sessions, OIDC login and what the HTTP edge exposes (issue 7).
 * Kept apart from app-config.ts so the access settings read as one block.
 */
export interface AccessConfig {
  /** The address people use to reach the service; https makes session cookies Secure. */
  readonly publicUrl: string;
  readonly secureCookies: boolean;
  readonly session: {
    /** A session unused this long ends. */
    readonly idleSeconds: number;
    /** A session ends this long after sign-in, used or not. */
    readonly maxSeconds: number;
  };
  readonly signIn: {
    /** Attempts allowed per client address, and per account name, within the window. */
    readonly maxPerAddress: number;
    readonly maxPerAccount: number;
    readonly windowSeconds: number;
  };
  /** OpenID Connect sign-in (authorization code + PKCE, done on the server); null when not configured. */
  readonly oidc: OidcLoginConfig | null;
  /** Origins allowed to call the API from a browser; empty means CORS is off. */
  readonly corsOrigins: readonly string[];
}

export interface OidcLoginConfig {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly scopes: string;
  /** Which claim of the ID token / userinfo carries each part of the principal. */
  readonly claims: {
    readonly roles: string;
    readonly unit: string;
    readonly province: string;
    readonly gates: string;
    readonly name: string;
  };
  /** Provider role names → our roles; a provider role not listed is ignored. Empty: names are ours already. */
  readonly roleMap: Readonly<Record<string, string>>;
}

export const ACCESS_VARIABLES: Readonly<Record<string, string>> = {
  PUBLIC_URL: 'address people use to reach the service; https: makes cookies Secure (default http://HOST:PORT)',
  SESSION_IDLE_SECONDS: 'a signed-in session unused this long ends (default 1800)',
  SESSION_MAX_SECONDS: 'a session ends this long after sign-in (default 43200)',
  SIGNIN_MAX_PER_ADDRESS: 'sign-in attempts per client address per window (default 20)',
  SIGNIN_MAX_PER_ACCOUNT: 'sign-in attempts per account name per window (default 5)',
  SIGNIN_WINDOW_SECONDS: 'the sign-in rate-limit window (default 900)',
  OIDC_ISSUER_URL: 'OpenID provider for browser sign-in (discovery URL base); unset means local accounts only',
  OIDC_CLIENT_ID: 'client id registered at the OpenID provider',
  OIDC_CLIENT_SECRET: 'client secret (confidential client); unset for a public client with PKCE only',
  OIDC_SCOPES: 'scopes asked for at sign-in (default "openid profile")',
  OIDC_CLAIM_ROLES: 'claim holding the roles (default roles)',
  OIDC_CLAIM_UNIT: 'claim holding the unit (default unit)',
  OIDC_CLAIM_PROVINCE: 'claim holding the province slug or * (default province)',
  OIDC_CLAIM_GATES: 'claim holding the gate codes of a border guard (default gates)',
  OIDC_CLAIM_NAME: 'claim holding the display name (default name)',
  OIDC_ROLE_MAP: 'provider role → our role, e.g. "blo-officer=liaison_officer,blo-guard=border_guard"',
  CORS_ORIGINS: 'comma-separated origins allowed to call the API from a browser; unset means CORS off',
};

type Env = Readonly<Record<string, string | undefined>>;

function positive(env: Env, name: string, fallback: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    problems.push(`${name} must be an integer between 1 and ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

function httpUrl(env: Env, name: string, problems: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') problems.push(`${name} must use http: or https:`);
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
  return raw.replace(/\/+$/, '');
}

const ROLE_NAMES = ['liaison_officer', 'border_guard', 'supervisor', 'auditor', 'admin'];

function roleMap(env: Env, problems: string[]): Record<string, string> {
  const raw = env.OIDC_ROLE_MAP ?? '';
  const map: Record<string, string> = {};
  for (const pair of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [from, to] = pair.split('=').map((s) => s.trim());
    if (!from || !to || !ROLE_NAMES.includes(to)) {
      problems.push(`OIDC_ROLE_MAP entry "${pair}" must be <provider role>=<one of ${ROLE_NAMES.join(', ')}>`);
      continue;
    }
    map[from] = to;
  }
  return map;
}

function oidcLogin(env: Env, problems: string[]): OidcLoginConfig | null {
  const issuerUrl = httpUrl(env, 'OIDC_ISSUER_URL', problems);
  if (issuerUrl === null) return null;
  const clientId = env.OIDC_CLIENT_ID ?? '';
  if (clientId === '') problems.push('OIDC_ISSUER_URL needs OIDC_CLIENT_ID');
  const claim = (name: string, fallback: string): string => env[name] || fallback;
  return {
    issuerUrl,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || null,
    scopes: env.OIDC_SCOPES || 'openid profile',
    claims: {
      roles: claim('OIDC_CLAIM_ROLES', 'roles'),
      unit: claim('OIDC_CLAIM_UNIT', 'unit'),
      province: claim('OIDC_CLAIM_PROVINCE', 'province'),
      gates: claim('OIDC_CLAIM_GATES', 'gates'),
      name: claim('OIDC_CLAIM_NAME', 'name'),
    },
    roleMap: roleMap(env, problems),
  };
}

export function loadAccessConfig(env: Env, host: string, port: number, problems: string[]): AccessConfig {
  const publicUrl = httpUrl(env, 'PUBLIC_URL', problems) ?? `http://${host}:${port}`;
  const idleSeconds = positive(env, 'SESSION_IDLE_SECONDS', 1800, 7 * 24 * 3600, problems);
  const maxSeconds = positive(env, 'SESSION_MAX_SECONDS', 12 * 3600, 30 * 24 * 3600, problems);
  if (idleSeconds > maxSeconds) problems.push('SESSION_IDLE_SECONDS must not exceed SESSION_MAX_SECONDS');
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    try {
      if (new URL(origin).origin !== origin) problems.push(`CORS_ORIGINS entry "${origin}" must be a bare origin`);
    } catch {
      problems.push(`CORS_ORIGINS entry "${origin}" is not a URL`);
    }
  }
  return {
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    session: { idleSeconds, maxSeconds },
    signIn: {
      maxPerAddress: positive(env, 'SIGNIN_MAX_PER_ADDRESS', 20, 10_000, problems),
      maxPerAccount: positive(env, 'SIGNIN_MAX_PER_ACCOUNT', 5, 10_000, problems),
      windowSeconds: positive(env, 'SIGNIN_WINDOW_SECONDS', 900, 24 * 3600, problems),
    },
    oidc: oidcLogin(env, problems),
    corsOrigins,
  };
}
