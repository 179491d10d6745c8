import { Command, Query } from '@nestjs/cqrs';
import type { HandoverView } from './handover.view.js';
import type { WriteAnswer, WriteContext } from '#event-store';
import type { ZonedInstant } from '#shared-kernel';
import type { HandoverCommand, ProposeHandover } from '../domain/handover.commands.js';
import type { MinutesInput, NotReceivedPersonInput, ReceivedPersonInput } from '../domain/handover.values.js';

type ReadContext = Pick<WriteContext, 'actor' | 'now' | 'correlationId'>;

/** Propose a repatriation for persons of one case; the handler assigns the id and links the case. */
export class ProposeHandoverMessage extends Command<WriteAnswer> {
  constructor(
    readonly data: Omit<ProposeHandover['data'], 'handoverId'>,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/**
 * Steps on an existing handover whose decision needs nothing but the handover itself, apart from
 * a register look-up of the gate (schedule). Confirmation has its own message: it seals data.
 */
export class HandoverCommandMessage extends Command<WriteAnswer> {
  constructor(
    readonly handoverId: string,
    readonly command: Exclude<HandoverCommand, { type: 'ProposeHandover' | 'ConfirmHandover' }>,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** The border guard's one submission from the gate, in plain text as typed: sealed by the handler. */
export class ConfirmHandoverMessage extends Command<WriteAnswer> {
  constructor(
    readonly handoverId: string,
    readonly data: {
      readonly conductedAt: ZonedInstant;
      readonly vnOfficers: readonly string[];
      readonly cnOfficers: readonly string[];
      readonly received: readonly ReceivedPersonInput[];
      readonly notReceived: readonly NotReceivedPersonInput[];
      readonly minutes: MinutesInput;
    },
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** A handover folded live; sealed notes are opened (and the read audited) only when `mayReadPersonal`. */
export class GetHandoverQuery extends Query<HandoverView> {
  constructor(
    readonly handoverId: string,
    readonly ctx: ReadContext,
    readonly mayReadPersonal: boolean,
  ) {
    super();
  }
}
