import {
  EventTooLargeError,
  IdempotencyKeyReusedError,
  IdempotentReplay,
  load,
  type EventStore,
  type WriteContext,
} from '#event-store';
import { exchangeDecider, exchangeStreamId, type ExchangeState } from '#exchanges';
import type { Command } from '@nestjs/cqrs';
import {
  LogMessageMessage,
  OpenExchangeMessage,
  type ExchangeWriteAnswer,
  type MessageDraft,
} from '#exchanges/application';
import { findCounterpart } from '#reference-data';
import { type Actor, DomainError, newId, parseZoned } from '#shared-kernel';
import type { CounterpartMessage, Rejection } from './counterpart-message.js';

/**
 * Who records what the gateway receives. A system actor, not a person: the message was written
 * by the counterpart and no officer of ours typed it. The role is the one that logs exchange
 * messages over HTTP, so the same domain rules apply; the unit is the gateway's own.
 */
export const GATEWAY_USER_ID = 'system:counterpart-gateway';
export const DEFAULT_GATEWAY_UNIT = 'VN-GATEWAY';
export const gatewayActor = (unitId: string = DEFAULT_GATEWAY_UNIT): Actor => ({
  userId: GATEWAY_USER_ID,
  role: 'liaison_officer',
  unitId,
});

/** Counterpart messages are recorded on this channel: system-to-system, encrypted in transit. */
export const GATEWAY_CHANNEL = 'secure_email';
/** A counterpart that states no handling code is taken at the least restrictive one. */
export const DEFAULT_HANDLING_CODE = 'H0';

export const idempotencyKeyOf = (m: CounterpartMessage): string => `gateway:${m.counterpart}:${m.messageId}`;

export type RecordOutcome =
  | {
      readonly kind: 'recorded' | 'duplicate';
      readonly exchangeId: string;
      /** Our id of the recorded message (the same on every redelivery). */
      readonly messageId: string | null;
      readonly position: string;
    }
  | { readonly kind: 'rejected'; readonly rejection: Rejection };

const rejected = (reason: string, extra: Omit<Rejection, 'reason'> = {}): RecordOutcome => ({
  kind: 'rejected',
  rejection: { reason, ...extra },
});

/** The part of @nestjs/cqrs's CommandBus the recorder uses: typed commands, typed answers. */
export interface CommandSender {
  execute<R>(command: Command<R>): Promise<R>;
}

/**
 * Turns a checked counterpart message into an INCOMING exchange message by sending the same
 * commands HTTP sends, on the application's command bus, so sealing of subject and body, case
 * links and the domain's rules are identical. Returns what happened, or throws when the failure is
 * transient (the store is unreachable): the caller retries without committing the offset.
 */
export class InboundRecorder {
  constructor(
    private readonly commands: CommandSender,
    /** Read only, to check that a named thread exists and is with the same counterpart. */
    private readonly store: EventStore,
    private readonly actor: Actor = gatewayActor(),
  ) {}

  async record(message: CounterpartMessage, requestHash: string, now: Date = new Date()): Promise<RecordOutcome> {
    if (!findCounterpart(message.counterpart)) return rejected('unknown_counterpart', { field: 'counterpart' });
    const ctx: WriteContext = {
      actor: this.actor,
      now,
      correlationId: newId(),
      idempotency: { key: idempotencyKeyOf(message), requestHash },
    };
    try {
      const answer = message.exchangeId
        ? await this.append(message, message.exchangeId, ctx)
        : await this.commands.execute(
            new OpenExchangeMessage(
              {
                caseIds: message.caseIds ?? [],
                counterpart: message.counterpart,
                channel: GATEWAY_CHANNEL,
                message: draftOf(message, undefined),
              },
              ctx,
            ),
          );
      if ('kind' in answer) return answer;
      return {
        kind: 'recorded',
        exchangeId: answer.id,
        messageId: answer.messageId ?? null,
        position: answer.position,
      };
    } catch (error) {
      if (error instanceof IdempotentReplay) {
        const first = error.response as Partial<ExchangeWriteAnswer>;
        return {
          kind: 'duplicate',
          exchangeId: String(first.id),
          messageId: first.messageId ?? null,
          position: String(first.position),
        };
      }
      if (error instanceof IdempotencyKeyReusedError) return rejected('duplicate_conflict', { field: 'messageId' });
      if (error instanceof DomainError) return rejected('refused', { code: error.code });
      if (error instanceof EventTooLargeError) return rejected('too_large');
      throw error;
    }
  }

  /**
   * The next message of a thread we hold. The thread must be with the same counterpart: a unit
   * may not write into another unit's correspondence by naming its exchange id.
   */
  private async append(
    message: CounterpartMessage,
    exchangeId: string,
    ctx: WriteContext,
  ): Promise<ExchangeWriteAnswer | RecordOutcome> {
    const { state } = await load(this.store, exchangeDecider, exchangeStreamId(exchangeId));
    if (state.status === 'none') return rejected('exchange_not_found', { field: 'exchangeId' });
    if (state.counterpart !== message.counterpart) return rejected('counterpart_mismatch', { field: 'exchangeId' });
    return this.commands.execute(new LogMessageMessage(exchangeId, draftOf(message, state), ctx));
  }
}

/**
 * `inReplyTo` may name our message id or the reference we wrote on it (what a counterpart's
 * system is more likely to keep); both are looked up in the thread itself, no projection needed.
 */
function replyTargetOf(inReplyTo: string, state: ExchangeState | undefined): string {
  if (!state || state.status === 'none') return inReplyTo;
  if (state.messages.some((m) => m.messageId === inReplyTo)) return inReplyTo;
  const byReference = state.messages.find((m) => m.direction === 'outgoing' && m.ourReference === inReplyTo);
  return byReference?.messageId ?? inReplyTo;
}

function draftOf(m: CounterpartMessage, state: ExchangeState | undefined): MessageDraft {
  return {
    direction: 'incoming',
    subject: m.subject,
    body: m.body,
    language: m.language,
    handlingCode: m.handlingCode ?? DEFAULT_HANDLING_CODE,
    occurredAt: parseZoned(m.sentAt),
    // The counterpart's own message id is their reference unless they give a separate one.
    theirReference: m.theirReference ?? m.messageId,
    ...(m.ourReference !== undefined ? { ourReference: m.ourReference } : {}),
    ...(m.attachments !== undefined ? { attachments: m.attachments } : {}),
    ...(m.inReplyTo !== undefined ? { inReplyTo: replyTargetOf(m.inReplyTo, state) } : {}),
    // Sealed with subject and body by the handler; compared against the name index at read time.
    ...(m.persons !== undefined ? { namedByCounterpart: m.persons } : {}),
    // The gateway cannot read the body; a letter about a trafficking case is presumed to name people.
    carriesPersonalData: true,
  };
}
