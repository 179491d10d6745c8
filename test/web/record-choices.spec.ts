import { liaisonOfficeProvince, ownUnitName } from '../../apps/web/src/shell/own-unit.format.js';
import { parseChoice, recordChoices, type ChoiceWords } from '../../apps/web/src/desktop/meetings/record-choices.js';

// The register's names as the picker looks them up; a code the register does not list stays a code.
const NAMES: Record<string, string> = {
  HUU_NGHI: 'Cửa khẩu quốc tế Hữu Nghị',
  'CN-GX-PSD': 'Sở Công an Khu tự trị dân tộc Choang Quảng Tây',
};
const named = (code: string): string => NAMES[code] ?? code;
const words: ChoiceWords = { kind: (k) => `<${k}>`, day: (at) => at.slice(0, 10), gate: named, counterpart: named };
const CASE_A = 'aaaaaaaa-0000-4000-8000-000000000001';
const CASE_B = 'bbbbbbbb-0000-4000-8000-000000000002';
const HANDOVER = 'cccccccc-0000-4000-8000-000000000003';
const VERIFICATION = 'dddddddd-0000-4000-8000-000000000004';
const noLinks = { caseIds: [], personIds: [], handoverIds: [], verificationIds: [] };

describe('the records offered as fulfilling an agreed action', () => {
  const cases = [
    { id: CASE_A, summary: 'Hai phụ nữ được giải cứu', receivedAt: { at: '2026-04-10T02:00:00.000Z' } },
    { id: CASE_B, summary: 'Tin báo qua đường dây nóng', receivedAt: { at: '2026-04-09T02:00:00.000Z' } },
  ];
  const handovers = [
    { id: HANDOVER, gate: 'HUU_NGHI', counterpart: 'CN-GX-PSD', scheduledAt: { at: '2026-04-20T02:00:00.000Z' } },
  ];

  it('offers the linked records first, once, described as the lists describe them', () => {
    const links = { ...noLinks, caseIds: [CASE_B], verificationIds: [VERIFICATION] };
    const choices = recordChoices(links, cases, handovers, words);
    expect(choices.map((c) => [c.group, c.value])).toEqual([
      ['linked', `case:${CASE_B}`],
      ['linked', `verification:${VERIFICATION}`],
      ['cases', `case:${CASE_A}`],
      ['handovers', `handover:${HANDOVER}`],
    ]);
    expect(choices[0]?.text).toBe('<case> · 2026-04-09 · Tin báo qua đường dây nóng');
    // A linked record no list shows is named by its kind and the start of its id.
    expect(choices[1]?.text).toBe('<verification> · dddddddd');
    // A handover reads as its gate and counterpart unit by name, not by their register codes.
    expect(choices[3]?.text).toBe(
      '<handover> · Cửa khẩu quốc tế Hữu Nghị · 2026-04-20 · Sở Công an Khu tự trị dân tộc Choang Quảng Tây',
    );
  });

  it('leaves out what a handover waiting for a date does not have', () => {
    const waiting = [{ ...handovers[0], scheduledAt: null }];
    expect(recordChoices(noLinks, [], waiting, words)[0]?.text).toBe(
      '<handover> · Cửa khẩu quốc tế Hữu Nghị · Sở Công an Khu tự trị dân tộc Choang Quảng Tây',
    );
  });

  it('keeps the code of a place or unit the register does not name (a boundary marker)', () => {
    const atMarker = [{ ...handovers[0], gate: 'MARKER-1119', scheduledAt: null }];
    expect(recordChoices(noLinks, [], atMarker, words)[0]?.text).toBe(
      '<handover> · MARKER-1119 · Sở Công an Khu tự trị dân tộc Choang Quảng Tây',
    );
  });

  it('reads a choice back into the kind and id the api expects, and refuses anything else', () => {
    expect(parseChoice(`handover:${HANDOVER}`)).toEqual({ kind: 'handover', id: HANDOVER });
    expect(parseChoice('other')).toBeNull();
    expect(parseChoice(`meeting:${HANDOVER}`)).toBeNull();
  });
});

describe('the owner unit of an agreed action, in words', () => {
  const office = (province: string) => `BLO ${province}`;

  it('names a border liaison office by its province', () => {
    expect(ownUnitName('VN-LS-BLO', office)).toBe('BLO lang-son');
    expect(ownUnitName('VN-LC-BLO', office)).toBe('BLO lao-cai');
    expect(liaisonOfficeProvince('VN-QN-BLO')).toBe('quang-ninh');
    expect(liaisonOfficeProvince('VN-CB-BLO')).toBe('cao-bang');
  });

  it('shows any other unit by its code, as written', () => {
    for (const code of ['VN-LS-BP-HUUNGHI', 'VN-BCA-C02', 'VN-XX-BLO', 'VN-LS-BLO-2', 'vn-ls-blo'])
      expect(ownUnitName(code, office)).toBe(code);
  });
});
