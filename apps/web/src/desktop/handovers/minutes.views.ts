import type { BorderTime, HandoverStatus, Names } from '../../api/api.views';

/** GET /api/v1/handovers/{id} as the minutes use it (libs/handovers handover.view.ts). */
export interface MinutesHandover {
  readonly id: string;
  readonly caseId: string;
  readonly status: HandoverStatus;
  readonly counterpart: { readonly code: string; readonly name: Names | null };
  readonly gate: { readonly code: string; readonly name: Names | null; readonly counterpartGate: Names | null };
  readonly personIds: readonly string[];
  readonly scheduledAt: BorderTime | null;
  readonly conductedAt: BorderTime | null;
  readonly vnOfficers: readonly string[];
  readonly cnOfficers: readonly string[];
  readonly received: readonly {
    readonly personId: string;
    readonly healthCheck: string | null;
    readonly masked: boolean;
    readonly erased: boolean;
  }[];
  readonly notReceived: readonly {
    readonly personId: string;
    readonly reason: string | null;
    readonly masked: boolean;
    readonly erased: boolean;
  }[];
  readonly minutes: { readonly number: string; readonly signedAt: BorderTime } | null;
}

/** GET /api/v1/persons/{id} for a desktop role that may read personal data (libs/persons person.view.ts). */
export interface MinutesPerson {
  readonly erased: boolean;
  readonly personal: {
    readonly fullName: string;
    readonly nameVariants: readonly { readonly script: string; readonly value: string }[];
    readonly sex: string | null;
    readonly dateOfBirth: string | null;
    readonly documents: readonly { readonly kind: string; readonly number: string }[];
  } | null;
}
