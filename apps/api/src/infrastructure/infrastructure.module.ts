import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CredentialStore, SessionStore, migrateAccountTables } from '#accounts/application';
import type { AppConfig } from '#config';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import { EventProofs, IntegrityModule } from '#integrity';
import { PlatformModule } from '#platform';
import { TokenVerifier } from '#security';
import { AUTHENTICATOR } from '../auth/authenticator.js';
import { BearerAuthenticator } from '../auth/bearer.authenticator.js';
import { CompositeAuthenticator } from '../auth/composite.authenticator.js';
import { CookieSessionStarter } from '../auth/cookie-session.starter.js';
import { RecordScopeResolver } from '../auth/record-scope.resolver.js';
import { SessionAuthenticator } from '../auth/session.authenticator.js';
import { sessionCookieOf } from '../auth/session-cookie.js';
import { SESSION_STARTER } from '../auth/session-starter.js';

/** The account tables exist before anything reads them. */
const ACCOUNT_TABLES = Symbol('ACCOUNT_TABLES');

/** The platform (store, keys, config) plus what only the HTTP edge needs: who is calling, and where records live. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [PlatformModule.forRoot(config), IntegrityModule],
      providers: [
        { provide: ACCOUNT_TABLES, inject: [SQL_CLIENT], useFactory: (sql: SqlClient) => migrateAccountTables(sql) },
        {
          provide: SessionStore,
          inject: [SQL_CLIENT, ACCOUNT_TABLES],
          useFactory: (sql: SqlClient) => new SessionStore(sql, config.access.session),
        },
        {
          provide: CredentialStore,
          inject: [SQL_CLIENT, ACCOUNT_TABLES],
          useFactory: (sql: SqlClient) => new CredentialStore(sql),
        },
        {
          // Where an OpenID Connect sign-in ends: the same sessions and cookie as a password one.
          provide: SESSION_STARTER,
          inject: [SessionStore, EVENT_STORE],
          useFactory: (sessions: SessionStore, store: EventStore) =>
            new CookieSessionStarter(sessions, store, sessionCookieOf(config.access)),
        },
        {
          // A bearer token for machine clients, else the session cookie of a person who signed in.
          provide: AUTHENTICATOR,
          inject: [SessionStore],
          useFactory: async (sessions: SessionStore) => {
            const cookie = sessionCookieOf(config.access);
            const bearer = new BearerAuthenticator(await TokenVerifier.fromConfig(config));
            return new CompositeAuthenticator(bearer, new SessionAuthenticator(sessions, cookie), cookie);
          },
        },
        {
          // Events (integrity proofs) are located through the integrity module's index.
          provide: RecordScopeResolver,
          inject: [EVENT_STORE, EventProofs],
          useFactory: (store: EventStore, proofs: EventProofs) =>
            new RecordScopeResolver(store, (eventId) => proofs.locate(eventId)),
        },
      ],
      exports: [AUTHENTICATOR, RecordScopeResolver, SessionStore, CredentialStore, SESSION_STARTER],
    };
  }
}
