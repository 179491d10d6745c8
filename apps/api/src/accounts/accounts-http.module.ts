import { Module } from '@nestjs/common';
import { AccountService, CredentialStore, SessionStore, SignInService } from '#accounts/application';
import { EVENT_STORE, type EventStore } from '#event-store';
import { SessionController } from './session.controller.js';
import { UsersController } from './users.controller.js';

/** Local accounts, sign-in and sessions; the stores come from the infrastructure module. */
@Module({
  controllers: [SessionController, UsersController],
  providers: [
    {
      provide: AccountService,
      inject: [EVENT_STORE, CredentialStore, SessionStore],
      useFactory: (store: EventStore, credentials: CredentialStore, sessions: SessionStore) =>
        new AccountService(store, credentials, sessions),
    },
    {
      provide: SignInService,
      inject: [EVENT_STORE, AccountService, CredentialStore, SessionStore],
      useFactory: (store: EventStore, accounts: AccountService, credentials: CredentialStore, sessions: SessionStore) =>
        new SignInService(store, accounts, credentials, sessions),
    },
  ],
})
export class AccountsHttpModule {}
