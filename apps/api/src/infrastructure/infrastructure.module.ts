import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '#config';
import { PlatformModule } from '#platform';
import { TokenVerifier } from '#security';
import { GATEKEEPER } from '../http/auth.guard.js';
import { TokenGatekeeper } from './gatekeeper.js';

/** The platform (store, keys, config) plus what only the HTTP edge needs: the token gatekeeper. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      imports: [PlatformModule.forRoot(config)],
      providers: [
        { provide: GATEKEEPER, useFactory: async () => new TokenGatekeeper(await TokenVerifier.fromConfig(config)) },
      ],
      exports: [GATEKEEPER],
    };
  }
}
