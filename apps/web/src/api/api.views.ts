/**
 * Shapes of answers the OpenAPI document does not describe yet (its 200 responses carry only a
 * description, so the generated types say nothing about their bodies). Written from the api's
 * own view types (apps/api/src/accounts/me.view.ts, libs/projections gate-handovers.query.ts,
 * libs/reference-data). When the document gains response schemas, use `components['schemas']`
 * from ./schema instead and delete the matching type here.
 */

export type Role = 'liaison_officer' | 'border_guard' | 'supervisor' | 'auditor' | 'admin';

/** GET /api/v1/me and the answer of POST /api/v1/session. */
export interface MeView {
  readonly userId: string;
  readonly name: string | null;
  readonly roles: readonly Role[];
  readonly unit: string;
  /** One of the seven border provinces, or `*` for a national unit. */
  readonly province: string;
  readonly gates: readonly string[];
  /** The acts of the access table (docs/access.md) this person may do; menus are built from it. */
  readonly may: readonly string[];
  /** Present with a session cookie: the X-CSRF-Token every write must carry. */
  readonly csrfToken?: string;
}

export type HandoverStatus =
  'proposed' | 'scheduled' | 'postponed' | 'cancelled' | 'conducted' | 'minutes_signed' | 'closed';

/** An instant that crosses the border: UTC, and the same instant with each side's offset. */
export interface BorderTime {
  readonly at: string;
  readonly local: { readonly vn: string; readonly cn: string };
}

/** A row of GET /api/v1/handovers. */
export interface GateHandoverItem {
  readonly id: string;
  /** Only for those who may read the case (never for a border guard). */
  readonly caseId?: string;
  readonly gate: string;
  readonly status: HandoverStatus;
  readonly scheduledAt: BorderTime | null;
  readonly persons: number;
  readonly counterpart: string;
}

export interface GateHandoverPage {
  readonly items: readonly GateHandoverItem[];
  readonly next: string | null;
}

/** Reference data names, in the three languages of the register. */
export interface Names {
  readonly vi: string;
  readonly zh: string;
  readonly en: string;
}

/** GET /api/v1/reference/gates */
export interface BorderGate {
  readonly code: string;
  readonly name: Names;
  readonly counterpartGate: Names;
  readonly province: string;
  readonly kind: string;
  /** YYYY-MM-DD: the day this entry of the register took effect. */
  readonly validFrom: string;
}

/** GET /api/v1/reference/counterparts */
export interface CounterpartUnit {
  readonly code: string;
  readonly name: Names;
  readonly province: string;
  readonly chineseProvince: string;
  readonly kind: string;
  readonly validFrom: string;
}
