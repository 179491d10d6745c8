import { assertNever, checkReleaseAct, refuse, type ZonedInstant } from '#shared-kernel';
import type { ReleaseCommand } from './exchange.commands.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import type { ExchangeEvent } from './exchange.events.js';
import { answerEvent, checkReplyTime, isBefore, isBlank } from './exchange.message-rules.js';
import { type ExchangeMessage, type ExchangeThread, type Release } from './exchange.state.js';
import { checkConsentAtRelease } from './exchange.disclosure.js';

/**
 * The second officer's release of an outgoing draft (the state machine is drawn on Release in
 * exchange.state.ts). Who may act is decided on the officers named in the command, which the
 * application takes from the signed-in actor: the author withdraws and resubmits; another officer
 * of the author's unit releases or returns; nobody releases their own draft.
 */
export function decideRelease(
  command: ReleaseCommand,
  thread: ExchangeThread,
  message: ExchangeMessage,
): readonly ExchangeEvent[] {
  const release = releaseOf(message);
  const { exchangeId } = thread;
  const { messageId, by, occurredAt } = command.data;
  if (isBefore(occurredAt, message.loggedAt)) {
    refuse(E.INVALID_TIME, 'a draft cannot be acted on before it was written', 'invalid');
  }
  switch (command.type) {
    case 'ReleaseDraft':
      checkReleaseAct('release', release, by, E);
      checkConsentAtRelease(message.persons, command.data.consents);
      return [
        { type: 'DraftReleased', data: { exchangeId, messageId, releasedBy: by.userId, occurredAt } },
        ...sendingEvents(thread, message, occurredAt),
      ];
    case 'ReturnDraft':
      checkReleaseAct('return', release, by, E);
      if (isBlank(command.data.comment)) {
        refuse(E.COMMENT_REQUIRED, 'returning a draft needs a comment for its author', 'invalid');
      }
      return [
        {
          type: 'DraftReturned',
          data: { exchangeId, messageId, returnedBy: by.userId, comment: command.data.comment, occurredAt },
        },
      ];
    case 'WithdrawRelease':
      checkReleaseAct('withdraw', release, by, E);
      return [{ type: 'ReleaseWithdrawn', data: { exchangeId, messageId, occurredAt } }];
    case 'ResubmitDraft':
      checkReleaseAct('resubmit', release, by, E);
      return [{ type: 'DraftResubmitted', data: { exchangeId, messageId, occurredAt } }];
    default:
      return assertNever(command);
  }
}

/** The events that send a draft at `occurredAt`: DraftSent, and the answer when it is a reply. */
export function sendingEvents(
  thread: ExchangeThread,
  draft: ExchangeMessage,
  occurredAt: ZonedInstant,
): ExchangeEvent[] {
  if (isBefore(occurredAt, draft.loggedAt))
    refuse(E.INVALID_TIME, 'a draft cannot be sent before it was written', 'invalid');
  const target =
    draft.inReplyTo === undefined ? undefined : thread.messages.find((m) => m.messageId === draft.inReplyTo);
  if (target) checkReplyTime(target, occurredAt);
  const answered = target && answerEvent(thread.exchangeId, target, draft.messageId, occurredAt);
  return [
    { type: 'DraftSent', data: { exchangeId: thread.exchangeId, messageId: draft.messageId, occurredAt } },
    ...(answered ? [answered] : []),
  ];
}

/** The release of a draft that is still a draft and was held for release. */
function releaseOf(message: ExchangeMessage): Release {
  if (message.direction !== 'outgoing' || message.status !== 'draft' || !message.release) {
    return refuse(E.NOT_AWAITING_RELEASE, 'this message is not a draft held for release');
  }
  return message.release;
}
