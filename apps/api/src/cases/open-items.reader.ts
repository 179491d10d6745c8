import { Inject, Injectable } from '@nestjs/common';
import type { OpenItemsPort } from '#cases/application';
import { EVENT_STORE, type EventStore, load } from '#event-store';
import { handoverDecider, handoverStreamId, isHandoverUnconfirmed } from '#handovers';
import { isVerificationOpen, verificationDecider, verificationStreamId } from '#verifications';

/**
 * Closing a case asks which of its verifications and handovers are still open: answered from their
 * own streams, folded now, never from a projection that may lag. Lives with the api because it is
 * where the contexts meet; cases itself may not import those downstream of it.
 */
@Injectable()
export class OpenItemsReader implements OpenItemsPort {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  openVerifications(ids: readonly string[]): Promise<string[]> {
    return this.keep(ids, async (id) =>
      isVerificationOpen((await load(this.store, verificationDecider, verificationStreamId(id))).state),
    );
  }

  unconfirmedHandovers(ids: readonly string[]): Promise<string[]> {
    return this.keep(ids, async (id) =>
      isHandoverUnconfirmed((await load(this.store, handoverDecider, handoverStreamId(id))).state),
    );
  }

  private async keep(ids: readonly string[], open: (id: string) => Promise<boolean>): Promise<string[]> {
    const flags = await Promise.all(ids.map(open));
    return ids.filter((_, i) => flags[i]);
  }
}
