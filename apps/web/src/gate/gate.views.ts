import type { BorderTime, HandoverStatus, Names } from '../api/api.views';

/**
 * GET /api/v1/handovers/{id} as the gate uses it (libs/handovers handover.view.ts); the document
 * does not describe the body yet (see api.views.ts).
 */
export interface HandoverDetail {
  readonly id: string;
  readonly status: HandoverStatus;
  readonly gate: { readonly code: string; readonly name: Names | null; readonly counterpartGate: Names | null };
  readonly counterpart: { readonly code: string; readonly name: Names | null };
  readonly personIds: readonly string[];
  readonly scheduledAt: BorderTime | null;
  readonly conductedAt: BorderTime | null;
  readonly received: readonly { readonly personId: string }[];
  readonly transfers: readonly { readonly personId: string; readonly toUnit: string; readonly at: BorderTime }[];
  readonly revision: string;
}

/** GET /api/v1/persons/{id} as a border guard reads it: only what checks identity at the gate. */
export interface GatePerson {
  readonly id: string;
  readonly erased: boolean;
  readonly identity: {
    readonly fullName: string;
    readonly nameVariants: readonly { readonly script: string; readonly value: string }[];
    readonly sex: string | null;
    readonly dateOfBirth: string | null;
    readonly documents: readonly { readonly kind: string; readonly number: string }[];
  } | null;
}
