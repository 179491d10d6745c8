import { findCounterpart, findGate, type Names } from '#reference-data';
import { localTimes, type ZonedInstant } from '#shared-kernel';
import { pendingOnwardTransfers } from '../domain/handover.queries.js';
import type { HandoverState } from '../domain/handover.state.js';
import type { OpenedNotes } from './handover-notes.js';

export type ExistingHandover = Exclude<HandoverState, { status: 'none' }>;

/** A time that crosses the border: the UTC instant, the declared offset, and both local readings. */
export interface ZonedView {
  readonly at: string;
  readonly offset: string;
  readonly local: { readonly vn: string; readonly cn: string };
}

export interface HandoverPlaceView {
  readonly code: string;
  readonly kind: 'gate' | 'boundary_marker';
  /** The Vietnamese gate and the Chinese gate it faces, as the register names them; null for markers. */
  readonly name: Names | null;
  readonly counterpartGate: Names | null;
  readonly province: string | null;
}

export interface OnwardTransferView {
  readonly personId: string;
  readonly toUnit: string;
  readonly toKind: string;
  readonly at: ZonedView;
}

export interface ReceivedPersonView {
  readonly personId: string;
  readonly receivedAt: ZonedView;
  readonly statementRef: string | null;
  readonly healthCheck: string | null;
  readonly notes: string | null;
  readonly belongings: string | null;
  readonly wantedCheck: string | null;
  /** The sealed notes are not shown to this reader's role. */
  readonly masked: boolean;
  /** The person was erased: the notes are gone for good. */
  readonly erased: boolean;
  readonly onwardTransfer: OnwardTransferView | null;
}

export interface NotReceivedPersonView {
  readonly personId: string;
  readonly reason: string | null;
  readonly masked: boolean;
  readonly erased: boolean;
}

export interface HandoverView {
  readonly id: string;
  readonly caseId: string;
  readonly status: string;
  readonly proposedBy: string;
  readonly counterpart: { readonly code: string; readonly name: Names | null };
  readonly gate: HandoverPlaceView;
  readonly personIds: readonly string[];
  readonly proposedAt: ZonedView;
  readonly scheduledAt: ZonedView | null;
  readonly postponement: { readonly reason: string; readonly previousScheduledAt: ZonedView } | null;
  readonly cancellation: { readonly reason: string; readonly cancelledFrom: string } | null;
  readonly conductedAt: ZonedView | null;
  readonly vnOfficers: readonly string[];
  readonly cnOfficers: readonly string[];
  readonly received: readonly ReceivedPersonView[];
  readonly notReceived: readonly NotReceivedPersonView[];
  readonly minutes: {
    readonly number: string;
    readonly signedAt: ZonedView;
    readonly languages: readonly string[];
    readonly scanSha256: string | null;
  } | null;
  readonly transfers: readonly OnwardTransferView[];
  /** Received persons still waiting for their onward transfer (target: the same day). */
  readonly pendingOnwardTransfers: readonly { readonly personId: string; readonly receivedAt: ZonedView }[];
  readonly revision: string;
}

export const zonedView = (z: ZonedInstant): ZonedView => ({ at: z.at, offset: z.offset, local: localTimes(z.at) });

export function placeView(code: string): HandoverPlaceView {
  const gate = findGate(code);
  return gate
    ? { code, kind: 'gate', name: gate.name, counterpartGate: gate.counterpartGate, province: gate.province }
    : { code, kind: 'boundary_marker', name: null, counterpartGate: null, province: null };
}

/** What the reader may see of the sealed notes, per person id; absent = masked. */
export type OpenedPersons = ReadonlyMap<string, { notes: OpenedNotes; erased: boolean; reason?: string | null }>;

export function handoverView(state: ExistingHandover, revision: bigint, opened: OpenedPersons | null): HandoverView {
  const conducted =
    state.status === 'conducted' || state.status === 'minutes_signed' || state.status === 'closed' ? state : null;
  const transfers = (conducted?.transfers ?? []).map((t) => ({
    personId: t.personId,
    toUnit: t.toUnit,
    toKind: t.toKind,
    at: zonedView(t.at),
  }));
  const masked = opened === null;
  const scheduledAt = state.status === 'scheduled' ? state.scheduledAt : (conducted?.scheduledAt ?? null);
  return {
    id: state.handoverId,
    caseId: state.caseId,
    status: state.status,
    proposedBy: state.proposedBy,
    counterpart: { code: state.counterpart, name: findCounterpart(state.counterpart)?.name ?? null },
    gate: placeView(state.gate),
    personIds: state.personIds,
    proposedAt: zonedView(state.proposedAt),
    scheduledAt: scheduledAt ? zonedView(scheduledAt) : null,
    postponement:
      state.status === 'postponed'
        ? { reason: state.postponeReason, previousScheduledAt: zonedView(state.previousScheduledAt) }
        : null,
    cancellation:
      state.status === 'cancelled' ? { reason: state.cancelReason, cancelledFrom: state.cancelledFrom } : null,
    conductedAt: conducted ? zonedView(conducted.conductedAt) : null,
    vnOfficers: conducted?.vnOfficers ?? [],
    cnOfficers: conducted?.cnOfficers ?? [],
    received: (conducted?.received ?? []).map((p) => {
      const seen = opened?.get(p.personId);
      return {
        personId: p.personId,
        receivedAt: zonedView(p.receivedAt),
        statementRef: p.statementRef ?? null,
        healthCheck: seen?.notes.healthCheck ?? null,
        notes: seen?.notes.notes ?? null,
        belongings: seen?.notes.belongings ?? null,
        wantedCheck: seen?.notes.wantedCheck ?? null,
        masked,
        erased: seen?.erased ?? false,
        onwardTransfer: transfers.find((t) => t.personId === p.personId) ?? null,
      };
    }),
    notReceived: (conducted?.notReceived ?? []).map((p) => {
      const seen = opened?.get(p.personId);
      return { personId: p.personId, reason: seen?.reason ?? null, masked, erased: seen?.erased ?? false };
    }),
    minutes:
      state.status === 'minutes_signed' || state.status === 'closed'
        ? {
            number: state.minutes.number,
            signedAt: zonedView(state.minutes.signedAt),
            languages: state.minutes.languages,
            scanSha256: state.minutes.scanSha256 ?? null,
          }
        : null,
    transfers,
    pendingOnwardTransfers: pendingOnwardTransfers(state).map((p) => ({
      personId: p.personId,
      receivedAt: zonedView(p.receivedAt),
    })),
    revision: revision.toString(),
  };
}
