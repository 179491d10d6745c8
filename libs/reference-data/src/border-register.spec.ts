import { COUNTERPARTS, GATES, PROVINCES } from './border-register.data.js';
import { findGate, isKnownHandoverPlace } from './border-register.js';

describe('border register', () => {
  it('covers the gate pairs named in the domain', () => {
    const pairs = GATES.map((g) => g.counterpartGate.zh);
    for (const zh of ['友谊关', '浦寨', '爱店', '弄尧', '河口', '东兴']) expect(pairs.join()).toContain(zh);
  });

  it('has unique codes, all three names, and a post-merger province for every entry', () => {
    for (const list of [COUNTERPARTS, GATES]) {
      const codes = list.map((e) => e.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const e of list) {
        expect(e.name.vi && e.name.zh && e.name.en).toBeTruthy();
        expect(PROVINCES).toContain(e.province);
      }
    }
  });

  it('accepts registered gates and numbered boundary markers, nothing else', () => {
    expect(findGate('HUU_NGHI')?.counterpartGate.zh).toBe('友谊关');
    expect(isKnownHandoverPlace('MARKER-1116')).toBe(true);
    expect(isKnownHandoverPlace('NOWHERE')).toBe(false);
  });
});
