import type { ZonedInstant } from '#shared-kernel';

/** The Chinese side often proposes the repatriation; either side may. */
export const PROPOSING_SIDES = ['vn', 'cn'] as const;
export type ProposingSide = (typeof PROPOSING_SIDES)[number];

/** The minutes (biên bản giao nhận) are drawn up in Vietnamese and Chinese. */
export const MINUTES_LANGUAGES = ['vi', 'zh'] as const;
export type MinutesLanguage = (typeof MINUTES_LANGUAGES)[number];

/** Where a received person goes next: police, social protection centre, health department, family. */
export const ONWARD_TRANSFER_KINDS = ['provincial_police', 'social_protection', 'health', 'family', 'other'] as const;
export type OnwardTransferKind = (typeof ONWARD_TRANSFER_KINDS)[number];

/**
 * What the border guard notes for one person taken over at the gate. Free text is opaque to the
 * domain: health notes are sensitive data and the application may store ciphertext here.
 */
export interface ReceivedPersonInput {
  readonly personId: string;
  readonly healthCheck?: string;
  readonly notes?: string;
  readonly belongings?: string;
  readonly statementRef?: string;
  readonly wantedCheck?: string;
}

export interface NotReceivedPersonInput {
  readonly personId: string;
  readonly reason: string;
}

export interface MinutesInput {
  readonly number: string;
  readonly signedAt: ZonedInstant;
  readonly languages: readonly MinutesLanguage[];
  /** SHA-256 of the scanned, signed minutes; the scan itself lives outside the log. */
  readonly scanSha256?: string;
}
