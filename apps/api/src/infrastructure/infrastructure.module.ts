import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '#config';
import { EVENT_STORE, type EventStore } from '#event-store';
import { PlatformModule } from '#platform';
import { TokenVerifier } from '#security';
import { AUTHENTICATOR } from '../auth/authenticator.js';
import { BearerAuthenticator } from '../auth/bearer.authenticator.js';
import { RecordScopeResolver } from '../auth/record-scope.resolver.js';

/** The platform (store, keys, config) plus what only the HTTP edge needs: who is calling, and where records live. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [PlatformModule.forRoot(config)],
      providers: [
        {
          provide: AUTHENTICATOR,
          useFactory: async () => new BearerAuthenticator(await TokenVerifier.fromConfig(config)),
        },
        {
          provide: RecordScopeResolver,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new RecordScopeResolver(store),
        },
      ],
      exports: [AUTHENTICATOR, RecordScopeResolver],
    };
  }
}
