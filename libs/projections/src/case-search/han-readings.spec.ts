import {
  crossReadings,
  foldSyllable,
  pinyinOf,
  pinyinOfName,
  splitSyllables,
  vietOf,
  writtenAs,
} from './han-readings.js';
import { GIVEN, SURNAMES } from './name-pairs.spec-fixtures.js';

describe('Sino-Vietnamese and pinyin readings', () => {
  const all = [...SURNAMES, ...GIVEN];

  it('lists at least 100 distinct surnames and given-name syllables', () => {
    expect(new Set(all.map(([reading]) => foldSyllable(reading))).size).toBeGreaterThanOrEqual(100);
    expect(SURNAMES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(all)('%s is the reading of %s', (reading, chars) => {
    for (const ch of chars) expect(vietOf(ch)).toContain(foldSyllable(reading));
  });

  it.each(all)('%s is reached from the pinyin of %s', (reading, chars) => {
    for (const ch of chars) {
      const reached = pinyinOf(ch).some((p) => crossReadings(p).includes(foldSyllable(reading)));
      expect({ ch, reached }).toEqual({ ch, reached: true });
    }
  });

  it('fills a simplified character from its traditional form (陈 → 陳 → trần)', () => {
    expect(vietOf('陈')).toEqual(vietOf('陳'));
  });

  it('reads a name in context, the first character as a surname', () => {
    expect(pinyinOfName('单田芳')).toEqual(['shan', 'tian', 'fang']);
    expect(pinyinOfName('阮氏花')).toEqual(['ruan', 'shi', 'hua']);
  });

  it.each([
    ['Lý', 'li'],
    ['QUÝ', 'qui'],
    ['Vy', 'vi'],
    ['Huy', 'huy'],
    ['Đức', 'duc'],
    ['lv', 'lu'],
    ['Lǚ', 'lu'],
  ])('folds %p to %p', (word, folded) => {
    expect(foldSyllable(word)).toBe(folded);
  });

  it.each([
    ['Nguyễn Thị Tuệ', 'vietnamese'],
    ['Đức', 'vietnamese'],
    ['Ruǎn Shìhuā', 'pinyin'],
    ['Lǚ', 'pinyin'],
    ['Tú', 'either'],
    ['ruan shi hua', 'either'],
  ])('tells %p is written as %p by its marks', (text, written) => {
    expect(writtenAs(text)).toBe(written);
  });

  it('does not read a word marked Vietnamese as pinyin, nor a pinyin one as Vietnamese', () => {
    expect(crossReadings('tu', 'either').length).toBeGreaterThan(crossReadings('tu', 'vietnamese').length);
    expect(crossReadings('tu', 'vietnamese')).not.toEqual(expect.arrayContaining(crossReadings('tu', 'pinyin')));
    expect(crossReadings('chen', 'pinyin')).toContain('tran');
    expect(crossReadings('tran', 'vietnamese')).toContain('chen');
  });

  it('cuts run-together syllables, and leaves a syllable or an unknown word alone', () => {
    expect(splitSyllables('nguyenthihoa')).toEqual([['nguyen', 'thi', 'hoa']]);
    expect(splitSyllables('ruanshihua')).toEqual([['ruan', 'shi', 'hua']]);
    expect(splitSyllables('luchau')).toEqual(
      expect.arrayContaining([
        ['luc', 'hau'],
        ['lu', 'chau'],
      ]),
    );
    expect(splitSyllables('nguyen')).toEqual([]);
    expect(splitSyllables('xqzwkj')).toEqual([]);
  });
});
