import { newId, parseStreamId } from '#shared-kernel';
import { VERIFICATION_RESULTS, verificationStreamId } from '#verifications';

describe('#verifications public surface', () => {
  it('names the stream verification-<id> so the category parses back', () => {
    const id = newId();
    expect(parseStreamId(verificationStreamId(id))).toEqual({ category: 'verification', id });
  });

  it('offers exactly the three results of the contract', () => {
    expect([...VERIFICATION_RESULTS].sort()).toEqual(['confirmed', 'inconclusive', 'not_confirmed']);
  });
});
