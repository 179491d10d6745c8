/**
 * What closing a case needs to know of the records linked to it, asked live on every retry so the
 * decision never rests on a stale projection. A port rather than an import: verifications and
 * handovers build on cases (.dependency-cruiser.cjs, context order), so cases cannot import them;
 * the api wires the implementation (apps/api/src/cases/open-items.reader.ts).
 */
export interface OpenItemsPort {
  /** Of these verifications, the ones still awaiting an answer. */
  openVerifications(ids: readonly string[]): Promise<string[]>;
  /** Of these handovers, the ones not yet confirmed at the gate. */
  unconfirmedHandovers(ids: readonly string[]): Promise<string[]>;
}

export const OPEN_ITEMS = Symbol('OpenItemsPort');
