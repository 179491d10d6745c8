import { userInfo } from 'node:os';
import {
  AccountService,
  CredentialStore,
  SessionStore,
  migrateAccountTables,
  type AccountChange,
  type AccountView,
  type NewAccount,
} from '#accounts/application';
import type { AppConfig } from '#config';
import { openEventStore, type WriteContext } from '#event-store';
import { LocalSigningKey, mintToken } from '#security';
import { DomainError, newId, type Actor } from '#shared-kernel';

/** What `npm run cli -- user …` does, over HTTP to the running service or directly on the database. */
export interface UserBackend {
  create(account: NewAccount): Promise<void>;
  change(username: string, change: AccountChange): Promise<void>;
  setPassword(username: string, password: string): Promise<void>;
  list(): Promise<AccountView[]>;
  close(): Promise<void>;
}

/** Who the CLI acts as: the operating-system user at the server's console, recorded on every change. */
export const cliUserId = (): string => `cli:${safeName(userInfo().username)}`;
const safeName = (name: string): string => name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64) || 'unknown';
const CLI_UNIT = 'VN-BLO-ADMIN';

/** The running service, with an administrator token minted from the instance's own key (or --token). */
export async function httpBackend(url: string, config: AppConfig, token: string | undefined): Promise<UserBackend> {
  const base = url.replace(/\/$/, '');
  const bearer = token ?? (await adminToken(config));
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetch(`${base}/api/v1/users${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new Error(`the service does not answer at ${base}; start it (npm start) or pass --url`);
    }
    const text = await res.text();
    const answer = text === '' ? null : (JSON.parse(text) as { code?: string; detail?: string; errors?: unknown });
    if (res.status >= 400)
      throw new Error(
        `${answer?.code ?? res.status}: ${answer?.detail ?? text}${answer?.errors ? ` ${JSON.stringify(answer.errors)}` : ''}`,
      );
    return answer;
  };
  const named = (username: string) => `/${encodeURIComponent(username)}`;
  return {
    async create(a) {
      const body = {
        username: a.username,
        name: a.displayName,
        roles: a.roles,
        unit: a.unit,
        province: a.province,
        gates: a.gates,
        password: a.password,
      };
      await call('POST', '', body);
    },
    async change(username, change) {
      switch (change.type) {
        case 'ChangeRoles':
          return void (await call('POST', `${named(username)}/roles`, change.data));
        case 'ChangeGates':
          return void (await call('PUT', `${named(username)}/gates`, change.data));
        case 'DisableAccount':
          return void (await call('POST', `${named(username)}/disable`, change.data));
        case 'EnableAccount':
          return void (await call('POST', `${named(username)}/enable`));
      }
    },
    async setPassword(username, password) {
      await call('PUT', `${named(username)}/password`, { password });
    },
    async list() {
      return ((await call('GET', '')) as { items: AccountView[] }).items;
    },
    async close() {},
  };
}

/** The database itself (PostgreSQL, or KurrentDB with PostgreSQL): the same service the api uses. */
export async function directBackend(config: AppConfig): Promise<UserBackend> {
  const opened = await openEventStore(config);
  await migrateAccountTables(opened.sql);
  const accounts = new AccountService(
    opened.store,
    new CredentialStore(opened.sql),
    new SessionStore(opened.sql, config.access.session),
  );
  const actor: Actor = { userId: cliUserId(), role: 'admin', unitId: CLI_UNIT };
  const ctx = (): WriteContext => ({ actor, now: new Date(), correlationId: newId() });
  const explain = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof DomainError) throw new Error(`${error.code}: ${error.message}`);
      throw error;
    }
  };
  return {
    create: (a) => explain(async () => void (await accounts.create(a, ctx()))),
    change: (username, change) => explain(async () => void (await accounts.change(username, change, ctx()))),
    setPassword: (username, password) =>
      explain(async () => void (await accounts.setPassword(username, password, ctx()))),
    list: () => accounts.list(),
    close: () => opened.close(),
  };
}

async function adminToken(config: AppConfig): Promise<string> {
  if (config.auth.mode !== 'local')
    throw new Error('pass --token <admin JWT> (tokens come from the OIDC provider here)');
  const key = await LocalSigningKey.loadOrCreate(config.dataDir);
  return mintToken(
    key,
    { sub: cliUserId(), roles: ['admin'], unit: CLI_UNIT, province: '*' },
    { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 300 },
  );
}
