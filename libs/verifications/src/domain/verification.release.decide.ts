import { assertNever, checkReleaseAct, type ConsentStanding, refuse, releaseOfficerOf, required } from '#shared-kernel';
import type { VerificationReleaseCommand } from './verification.commands.js';
import { instant } from './verification.instant.js';
import { VerificationErrors as E } from './verification.errors.js';
import type { VerificationEvent } from './verification.events.js';
import type { DraftVerification, VerificationState } from './verification.state.js';

/**
 * The second officer's release of a held request (the rule itself: shared kernel, release.ts).
 * Releasing sends it: the VerificationRequested it appends starts the reply clock at the moment of
 * release, with the reply time the author asked for (due minus written), so the counterpart is not
 * robbed of the days the draft waited.
 */
export function decideVerificationRelease(
  command: VerificationReleaseCommand,
  state: VerificationState,
): readonly VerificationEvent[] {
  const draft = draftOf(state);
  const by = releaseOfficerOf(command.meta.actor);
  const { verificationId, caseId } = draft;
  const { occurredAt } = command.data;
  if (instant(occurredAt, 'occurredAt') < instant(draft.requestedAt, 'writtenAt')) {
    refuse(E.INVALID_INSTANT, 'a draft cannot be acted on before it was written', 'invalid');
  }
  switch (command.type) {
    case 'ReleaseVerification': {
      checkReleaseAct('release', draft.release, by, E);
      checkConsentStillStands(draft, command.data.consent);
      const replyTime = instant(draft.dueAt, 'dueAt') - instant(draft.requestedAt, 'writtenAt');
      const releasedMs = instant(occurredAt, 'occurredAt');
      const dueAt = { ...draft.dueAt, at: new Date(releasedMs + replyTime).toISOString() };
      return [
        { type: 'VerificationReleased', data: { verificationId, caseId, releasedBy: by.userId, occurredAt } },
        {
          type: 'VerificationRequested',
          data: {
            verificationId,
            caseId,
            personId: draft.personId,
            direction: draft.direction,
            counterpart: draft.counterpart,
            subject: draft.subject,
            questions: draft.questions,
            legalBasis: draft.legalBasis,
            priority: draft.priority,
            ...(draft.disclosure && draft.personId !== null
              ? {
                  disclosure: {
                    personId: draft.personId,
                    basis: draft.disclosure.basis,
                    reference: draft.disclosure.reference,
                  },
                }
              : {}),
            dueAt,
            occurredAt,
          },
        },
      ];
    }
    case 'ReturnVerification': {
      checkReleaseAct('return', draft.release, by, E);
      const comment = required(command.data.comment, E.COMMENT_REQUIRED, 'comment');
      return [
        {
          type: 'VerificationDraftReturned',
          data: { verificationId, caseId, returnedBy: by.userId, comment, occurredAt },
        },
      ];
    }
    case 'RecallVerification':
      checkReleaseAct('withdraw', draft.release, by, E);
      return [{ type: 'VerificationReleaseWithdrawn', data: { verificationId, caseId, occurredAt } }];
    case 'ResubmitVerification':
      checkReleaseAct('resubmit', draft.release, by, E);
      return [{ type: 'VerificationDraftResubmitted', data: { verificationId, caseId, occurredAt } }];
    default:
      return assertNever(command);
  }
}

function draftOf(state: VerificationState): DraftVerification {
  if (state.status === 'none') return refuse(E.NOT_FOUND, 'verification request not found', 'not_found');
  if (state.status !== 'draft') return refuse(E.NOT_AWAITING_RELEASE, 'this request is not a draft held for release');
  return state;
}

/**
 * Sent on the person's consent, the draft stops if that consent no longer stands when it is
 * released (withdrawn while it waited). A supervisor's override, or a legal exception, was decided
 * when it was written and stands.
 */
function checkConsentStillStands(draft: DraftVerification, consent: ConsentStanding | undefined): void {
  if (draft.disclosure?.basis !== 'consent' || draft.disclosure.overridden) return;
  if (consent === 'given') return;
  if (consent === 'withdrawn') {
    refuse(E.CONSENT_WITHDRAWN, 'the person withdrew consent while the draft waited: it cannot be released');
  }
  refuse(E.CONSENT_MISSING, 'the person’s consent no longer stands: the draft cannot be released');
}
