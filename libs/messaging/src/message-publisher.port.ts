/**
 * What the relay needs from a message broker, and nothing more, so the client library can be
 * swapped: kafkajs has had no release since 2023.
 */
export interface OutgoingMessage {
  readonly topic: string;
  /** Partition key: messages with the same key keep their order. */
  readonly key: string;
  readonly value: Buffer | string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface MessagePublisher {
  /**
   * Resolves only once the broker has acknowledged every message of the batch as durably
   * written (acks=all); rejects otherwise, in which case any subset may have been written and the
   * caller sends the batch again (consumers dedupe).
   */
  publish(batch: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export const MESSAGE_PUBLISHER = Symbol('MESSAGE_PUBLISHER');
