import { Command, Query } from '@nestjs/cqrs';
import type { ExchangeView } from './exchange.view.js';
import type { ExchangeWriteAnswer } from './exchange-writes.js';
import type { WriteContext } from '#event-store';
import type { Priority } from '#shared-kernel';
import type {
  AcknowledgeMessage,
  ChangeExchangePriority,
  CloseExchange,
  DiscardDraft,
  ExchangeChannel,
  MessageInput,
  ReleaseCommand,
  ReleasePolicy,
  SendDraft,
} from '../index.js';

/** One message as the officer wrote it, in plaintext: the handler assigns its id and seals it. */
export type MessageDraft = Omit<MessageInput, 'messageId'>;

export { releaseOfficerOf } from '#shared-kernel';

/**
 * Opens a thread with its first message and links every listed case in the same append.
 * `releasePolicy` is the writer's unit's (configuration); without it the strict default applies.
 */
export class OpenExchangeMessage extends Command<ExchangeWriteAnswer> {
  constructor(
    readonly data: {
      readonly caseIds: readonly string[];
      readonly counterpart: string;
      readonly channel: ExchangeChannel;
      readonly priority?: Priority;
      readonly message: MessageDraft;
      readonly releasePolicy?: ReleasePolicy;
    },
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** The next message of an existing thread, under the writer's unit's release policy. */
export class LogMessageMessage extends Command<ExchangeWriteAnswer> {
  constructor(
    readonly exchangeId: string,
    readonly message: MessageDraft,
    readonly ctx: WriteContext,
    readonly releasePolicy?: ReleasePolicy,
  ) {
    super();
  }
}

/** Commands on an existing thread that carry no message content. */
export class ExchangeCommandMessage extends Command<ExchangeWriteAnswer> {
  constructor(
    readonly exchangeId: string,
    readonly command:
      AcknowledgeMessage | CloseExchange | ChangeExchangePriority | SendDraft | DiscardDraft | ReleaseCommand,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class GetExchangeQuery extends Query<ExchangeView> {
  constructor(
    readonly exchangeId: string,
    readonly ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
    /** Whether the reader may see subjects and bodies (roles that may read personal data). */
    readonly mayReadContent: boolean,
  ) {
    super();
  }
}
