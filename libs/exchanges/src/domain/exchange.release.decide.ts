import { assertNever, refuse, type ZonedInstant } from '#shared-kernel';
import type { ReleaseCommand } from './exchange.commands.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import type { ExchangeEvent } from './exchange.events.js';
import { answerEvent, checkReplyTime, isBefore, isBlank } from './exchange.message-rules.js';
import { type ExchangeMessage, type ExchangeThread, type Release } from './exchange.state.js';
import type { ReleaseOfficer } from './exchange.values.js';
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
      requireSecondOfficer(release, by, 'release');
      checkConsentAtRelease(message.persons, command.data.consents);
      return [
        { type: 'DraftReleased', data: { exchangeId, messageId, releasedBy: by.userId, occurredAt } },
        ...sendingEvents(thread, message, occurredAt),
      ];
    case 'ReturnDraft':
      requireSecondOfficer(release, by, 'return');
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
      requireAuthor(release, by);
      if (release.state !== 'awaiting_release') notAwaiting(release);
      return [{ type: 'ReleaseWithdrawn', data: { exchangeId, messageId, occurredAt } }];
    case 'ResubmitDraft':
      requireAuthor(release, by);
      if (release.state !== 'returned' && release.state !== 'withdrawn') {
        refuse(E.INVALID_TRANSITION, `a draft ${release.state.replace('_', ' ')} cannot be resubmitted`);
      }
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

function notAwaiting(release: Release): never {
  return refuse(E.NOT_AWAITING_RELEASE, `the draft is ${release.state.replace('_', ' ')}, not awaiting release`);
}

/**
 * Release and return are the second officer's acts. The author is checked first: an author who
 * tries to release their own draft is told so, whatever state it is in.
 */
function requireSecondOfficer(release: Release, by: ReleaseOfficer, act: 'release' | 'return'): void {
  if (by.userId === release.author.userId) {
    refuse(E.OWN_DRAFT_RELEASE, `the author of a draft cannot ${act} it: a second officer of the unit does`);
  }
  if (by.unit !== release.author.unit) {
    refuse(E.OTHER_UNIT_RELEASE, `only an officer of the author’s unit may ${act} the draft`, 'forbidden');
  }
  if (release.state !== 'awaiting_release') notAwaiting(release);
}

function requireAuthor(release: Release, by: ReleaseOfficer): void {
  if (by.userId !== release.author.userId) {
    refuse(E.NOT_DRAFT_AUTHOR, 'only the author of the draft may withdraw or resubmit it', 'forbidden');
  }
}
