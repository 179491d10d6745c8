import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseLinkWrite } from '#cases/application';
import { EVENT_STORE, type EventStore, type StreamWrite, type WriteContext, commandOf } from '#event-store';
import { findCounterpart } from '#reference-data';
import { PERSONAL_DATA_CIPHER, type PersonalDataCipher } from '#security';
import { DomainError, newId } from '#shared-kernel';
import {
  ExchangeErrors,
  type Drafting,
  type ExchangeState,
  type LogMessage,
  type OpenExchange,
  type ReleasePolicy,
} from '../index.js';
import { lookUpNamedPersons, withConsentsAtRelease } from './named-persons.js';
import {
  ExchangeCommandMessage,
  LogMessageMessage,
  OpenExchangeMessage,
  releaseOfficerOf,
} from './exchange.messages.js';
import { type ExchangeWriteAnswer, writeExchange } from './exchange-writes.js';

/** Refusals decided here, before the domain: they need the reference register. */
export const ExchangeApplicationErrors = { UNKNOWN_COUNTERPART: 'EXCHANGE.UNKNOWN_COUNTERPART' } as const;

@CommandHandler(OpenExchangeMessage)
export class OpenExchangeHandler implements ICommandHandler<OpenExchangeMessage, ExchangeWriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) readonly cipher: PersonalDataCipher,
  ) {}

  execute({ data, ctx }: OpenExchangeMessage): Promise<ExchangeWriteAnswer> {
    if (!findCounterpart(data.counterpart)) {
      throw new DomainError(
        ExchangeApplicationErrors.UNKNOWN_COUNTERPART,
        'no counterpart unit with this code',
        'invalid',
      );
    }
    const exchangeId = newId();
    const messageId = newId();
    const { caseIds, counterpart, channel, message } = data;
    const drafting = draftingOf(ctx, data.releasePolicy);
    const command = async () => {
      const persons = await lookUpNamedPersons(this.store, message.persons, counterpart);
      const named = { ...message, messageId, ...(persons ? { persons } : {}) };
      return commandOf<OpenExchange>(
        'OpenExchange',
        {
          exchangeId,
          caseIds,
          counterpart,
          channel,
          ...(data.priority ? { priority: data.priority } : {}),
          message: named,
          drafting,
        },
        ctx,
      );
    };
    // Every case the thread concerns shows it, or none does: the links go in the same append.
    const extraWrites = async (): Promise<StreamWrite[]> => {
      const writes: StreamWrite[] = [];
      for (const caseId of caseIds) {
        writes.push(
          await caseLinkWrite(this.store, caseId, { type: 'LinkExchange', data: { exchangeId } }, ctx, 'body'),
        );
      }
      return writes;
    };
    return writeExchange(this, exchangeId, command, ctx, { linked: extraWrites, messageId });
  }
}

@CommandHandler(LogMessageMessage)
export class LogMessageHandler implements ICommandHandler<LogMessageMessage, ExchangeWriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) readonly cipher: PersonalDataCipher,
  ) {}

  execute({ exchangeId, message, ctx, releasePolicy }: LogMessageMessage): Promise<ExchangeWriteAnswer> {
    const messageId = newId();
    const drafting = draftingOf(ctx, releasePolicy);
    // The consent that counts is for this thread's counterpart, known once the thread is loaded.
    const command = async (state: ExchangeState) => {
      const counterpart = state.status === 'none' ? '' : state.counterpart;
      const persons = await lookUpNamedPersons(this.store, message.persons, counterpart);
      return commandOf<LogMessage>(
        'LogMessage',
        { ...message, messageId, drafting, ...(persons ? { persons } : {}) },
        ctx,
      );
    };
    return writeExchange(this, exchangeId, command, ctx, { messageId });
  }
}

@CommandHandler(ExchangeCommandMessage)
export class ExchangeCommandHandler implements ICommandHandler<ExchangeCommandMessage, ExchangeWriteAnswer> {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ exchangeId, command, ctx }: ExchangeCommandMessage): Promise<ExchangeWriteAnswer> {
    try {
      const plan = (state: ExchangeState) => withConsentsAtRelease(this.store, command, state);
      return await writeExchange(this, exchangeId, plan, ctx);
    } catch (error) {
      // A message named in the body that is not in the thread makes the request unprocessable;
      // only the exchange in the path is a missing resource.
      if (error instanceof DomainError && error.code === ExchangeErrors.MESSAGE_NOT_FOUND && inBody(command)) {
        throw new DomainError(error.code, error.message, 'invalid');
      }
      throw error;
    }
  }
}

/** The author is the signed-in actor; a caller that names no policy gets the strict default. */
const draftingOf = (ctx: WriteContext, releasePolicy: ReleasePolicy = 'personal_data'): Drafting => ({
  author: releaseOfficerOf(ctx.actor),
  releasePolicy,
});

const inBody = (command: ExchangeCommandMessage['command']): boolean => command.type === 'AcknowledgeMessage';
