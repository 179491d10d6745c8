import { openPglite } from '#event-store';
import { SqlCheckpointStore } from './relay-checkpoints.js';

describe('SqlCheckpointStore (PGlite)', () => {
  it('starts at 0, remembers per relay name, survives a second migrate, and never moves backwards', async () => {
    const db = await openPglite('memory://');
    try {
      const store = new SqlCheckpointStore(db);
      await store.migrate();
      expect(await store.load('kafka-out')).toBe(0n);
      await store.save('kafka-out', 41n);
      await store.save('other', 7n);
      await store.migrate();
      await store.save('kafka-out', 9_007_199_254_740_993n);
      await store.save('kafka-out', 40n); // a late, stale writer
      expect(await store.load('kafka-out')).toBe(9_007_199_254_740_993n);
      expect(await store.load('other')).toBe(7n);
    } finally {
      await db.close();
    }
  });
});
