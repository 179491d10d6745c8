import type { ZonedInstant } from '#shared-kernel';
import type { VerificationRequestData } from './verification.events.js';

export const vn = (iso: string): ZonedInstant => ({ at: iso, offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' });

/** Who and what a request is about, fixed per spec file. */
export interface RequestIds {
  readonly verificationId: string;
  readonly caseId: string;
  readonly personId: string;
}

/**
 * The question the disclosure and release specs ask: an outgoing identity check of one person,
 * sent to Guangxi. What a command says of it; the specs add times and the basis they test.
 */
export const identityQuestion = (ids: RequestIds) =>
  ({
    ...ids,
    direction: 'outgoing',
    counterpart: 'CN-GX-PSD',
    subject: 'identity',
    questions: 'Đề nghị xác minh nhân thân',
  }) as const;

/** The same question as the decided event records it: no legal basis stated, normal priority. */
export const statedQuestion = (ids: RequestIds) =>
  ({
    ...identityQuestion(ids),
    legalBasis: null,
    priority: 'normal',
  }) as const satisfies Partial<VerificationRequestData>;
