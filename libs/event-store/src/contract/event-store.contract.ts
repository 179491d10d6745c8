import { appendContract } from './append.contract.js';
import type { ContractSubject, OpenSubject } from './contract-fixtures.js';
import { readContract } from './read.contract.js';
import { subscribeContract } from './subscribe.contract.js';

export type { ContractSubject, OpenSubject } from './contract-fixtures.js';

/**
 * The behaviour every EventStore adapter must show (docs/architecture.md, Stores). One store per suite;
 * each test works on fresh streams and on positions relative to the head it found, so the tests
 * are independent although they share a log.
 */
export function eventStoreContract(name: string, open: OpenSubject): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject | undefined;
    const current = (): ContractSubject => {
      if (!subject) throw new Error('contract subject not opened');
      return subject;
    };

    beforeAll(async () => {
      subject = await open();
    });

    afterAll(async () => {
      await subject?.dispose();
    });

    describe('append', () => appendContract(current));
    describe('read', () => readContract(current));
    describe('subscribe', () => subscribeContract(current));
  });
}
