import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { EVENT_STORE, SQL_CLIENT, openEventStore, type OpenedEventStore } from '#event-store';
import { KEY_STORE, KeyStore, MasterKey, PERSONAL_DATA_CIPHER, PersonalDataCipher } from '#security';

const OPENED = Symbol('OPENED_EVENT_STORE');

class StoreCloser implements OnApplicationShutdown {
  constructor(@Inject(OPENED) private readonly opened: OpenedEventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.opened.close();
  }
}

/**
 * The real parts every process needs, built once from the one config object: the event store
 * and its database, and the key store with the master key. The api and the worker both start
 * from here; each adds its own edges (HTTP and auth, or Kafka and projections).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
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
        StoreCloser,
      ],
      exports: [APP_CONFIG, EVENT_STORE, SQL_CLIENT, KEY_STORE, PERSONAL_DATA_CIPHER],
    };
  }
}
