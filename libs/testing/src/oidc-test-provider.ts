import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { errors } from 'oidc-provider';

/** A registered client, in OAuth dynamic-registration terms (client_id, redirect_uris, …). */
export type TestClient = Readonly<Record<string, unknown>> & { readonly client_id: string };

/** An API that takes JWT access tokens, named by its resource indicator (RFC 8707). */
export interface TestResource {
  readonly audience: string;
  readonly scope: string;
}

export interface TestOidcProviderOptions {
  readonly clients: readonly TestClient[];
  /** Account id (the `sub`, and what is typed into the login form) → its claims. */
  readonly accounts: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Resource indicator → the API it names; tokens for these are JWTs carrying the account's claims. */
  readonly resources?: Readonly<Record<string, TestResource>>;
  /**
   * Where the profile claims go: the ID token (default), or, as the core spec prescribes for the
   * code flow, only the userinfo endpoint.
   */
  readonly claimsIn?: 'id_token' | 'userinfo';
}

/**
 * A free loopback port, for a service that must know its own URL before it listens: the
 * redirect URI it gives the provider is built from PUBLIC_URL.
 */
export async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Scope → the claims it releases; `blo` carries what the ledger needs to know about a person. */
const CLAIMS = {
  openid: ['sub'],
  profile: ['name'],
  blo: ['roles', 'unit', 'province', 'gates', 'blo_roles', 'groups'],
};

/**
 * A real OpenID provider (oidc-provider, a certified implementation) on a loopback port, with
 * its development login and consent pages, for tests that need the whole protocol rather than
 * a stand-in. The port is taken first so the issuer URL can be known before the provider exists.
 */
export class TestOidcProvider {
  /** While false every request is answered 503, as by a provider that is down for maintenance. */
  available = true;
  private readonly server: Server;
  private handle: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  issuer = '';

  private constructor() {
    this.server = createServer((req, res) =>
      this.handle && this.available ? this.handle(req, res) : res.writeHead(503).end(),
    );
  }

  static async start(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
    const idp = new TestOidcProvider();
    await new Promise<void>((resolve) => idp.server.listen(0, '127.0.0.1', resolve));
    idp.issuer = `http://127.0.0.1:${(idp.server.address() as AddressInfo).port}`;
    idp.handle = quietly(() => new Provider(idp.issuer, configuration(options))).callback();
    return idp;
  }

  get jwksUri(): string {
    return `${this.issuer}/jwks`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * The provider warns, rightly, that its in-memory store and development login pages are not for
 * production; here they are the point, and the warnings would bury a failing test's own output.
 */
function quietly<T>(build: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('oidc-provider WARNING: a quick start development-only')) warn(...args);
  };
  try {
    return build();
  } finally {
    console.warn = warn;
  }
}

function configuration(options: TestOidcProviderOptions): Record<string, unknown> {
  const { accounts, resources = {} } = options;
  const signingKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: `test-${randomBytes(4).toString('hex')}`,
    use: 'sig',
    alg: 'RS256',
  };
  const claimsOf = (id: string): Record<string, unknown> => ({ sub: id, ...accounts[id] });
  return {
    clients: options.clients,
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: CLAIMS,
    conformIdTokenClaims: options.claimsIn === 'userinfo',
    pkce: { required: () => true },
    // Explicit lifetimes (seconds): the defaults work but announce themselves on every first use.
    ttl: { AccessToken: 300, AuthorizationCode: 60, Grant: 600, IdToken: 300, Interaction: 600, Session: 600 },
    findAccount: (_ctx: unknown, id: string) =>
      Object.hasOwn(accounts, id) ? { accountId: id, claims: () => claimsOf(id) } : undefined,
    // JWT access tokens for a resource carry the person's claims, as a provider configured for
    // the ledger's API would put them there.
    extraTokenClaims: (_ctx: unknown, token: { accountId?: string; aud?: unknown }) => {
      if (token.accountId === undefined || !Object.hasOwn(accounts, token.accountId)) return undefined;
      const { sub: _sub, ...claims } = claimsOf(token.accountId);
      return claims;
    },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx: unknown, _client: unknown, oneOf?: string) => oneOf,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          const resource = resources[indicator];
          if (resource === undefined) throw new errors.InvalidTarget();
          return { ...resource, accessTokenFormat: 'jwt', accessTokenTTL: 300 };
        },
      },
    },
  };
}
