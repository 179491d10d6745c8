import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { EVENT_STORE, openEventStore, type OpenedEventStore } from '#event-store';
import { KeyStore, MasterKey, PersonalDataCipher, TokenVerifier } from '#security';
import { GATEKEEPER } from '../http/auth.guard.js';
import { TokenGatekeeper } from './gatekeeper.js';
import { KEY_STORE, PERSONAL_DATA_CIPHER, SQL_CLIENT } from './tokens.js';

const OPENED = Symbol('OPENED_EVENT_STORE');

class StoreCloser implements OnApplicationShutdown {
  constructor(@Inject(OPENED) private readonly opened: OpenedEventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.opened.close();
  }
}

/**
 * The real parts, built once from the one config object: the event store and its database,
 * the key store with the master key, and the token verifier.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: OPENED, useFactory: () => openEventStore(config) },
        { provide: EVENT_STORE, useFactory: (o: OpenedEventStore) => o.store, inject: [OPENED] },
        { provide: SQL_CLIENT, useFactory: (o: OpenedEventStore) => o.sql, inject: [OPENED] },
        {
          provide: KEY_STORE,
          useFactory: async (o: OpenedEventStore) => {
            const keys = new KeyStore(o.sql, await MasterKey.fromConfig(config));
            await keys.migrate();
            return keys;
          },
          inject: [OPENED],
        },
        { provide: PERSONAL_DATA_CIPHER, useFactory: (k: KeyStore) => new PersonalDataCipher(k), inject: [KEY_STORE] },
        { provide: GATEKEEPER, useFactory: async () => new TokenGatekeeper(await TokenVerifier.fromConfig(config)) },
        StoreCloser,
      ],
      exports: [APP_CONFIG, EVENT_STORE, SQL_CLIENT, KEY_STORE, PERSONAL_DATA_CIPHER, GATEKEEPER],
    };
  }
}
