import { crossReadings } from './han-readings.js';
import { foldText, nameMatches, queryAlternatives, tokensOfName, tokensOfPerson } from './name-tokens.js';

/** Whether a search for `query` finds a person registered with these names. */
const finds = (query: string, ...names: string[]): boolean =>
  nameMatches(
    queryAlternatives(query),
    new Set(tokensOfPerson({ fullName: names[0], nameVariants: names.slice(1).map((value) => ({ value })) })),
  );

describe('name tokens', () => {
  it('folds Vietnamese diacritics, đ and case', () => {
    expect(foldText('Nguyễn Thị Hoa')).toBe('nguyen thi hoa');
    expect(foldText('ĐẶNG Văn Đức')).toBe('dang van duc');
    expect(foldText('Ruǎn Shì Huā')).toBe('ruan shi hua');
  });

  it('keeps Chinese as written (each character, each pair) and adds its readings on both sides', () => {
    expect(tokensOfName('阮氏花')).toEqual(expect.arrayContaining(['u:阮', 'u:氏', 'u:花', 'b:阮氏', 'b:氏花']));
    expect(tokensOfName('阮氏花')).toEqual(
      expect.arrayContaining([
        'w:nguyen',
        'w:thi',
        'w:hoa',
        'c:nguyenthihoa',
        'w:ruan',
        'w:shi',
        'w:hua',
        'c:ruanshihua',
      ]),
    );
  });

  it('splits Latin names into folded words, the words run together, and neighbour pairs', () => {
    expect(tokensOfName('Nguyễn Thị  Hoa').sort()).toEqual(
      // p:hoa+nguyen: read surname last too, as Latin names may be written
      [
        'c:nguyenthihoa',
        'w:hoa',
        'w:nguyen',
        'w:thi',
        'p:nguyen+thi',
        'p:thi+hoa',
        'p:nguyen+hoa',
        'p:hoa+nguyen',
      ].sort(),
    );
  });

  it('collects the tokens of every variant of a person without duplicates', () => {
    const tokens = tokensOfPerson({
      fullName: 'Nguyễn Thị Hoa',
      nameVariants: [{ value: '阮氏花' }, { value: 'Ruan Shi Hua' }, { value: 'Nguyen Thi Hoa' }],
    });
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens).toEqual(expect.arrayContaining(['w:nguyen', 'b:阮氏', 'w:ruan', 'c:ruanshihua']));
  });

  it('a query in characters is matched in order, as pairs, among names in characters', () => {
    expect(queryAlternatives('阮氏花')[0]).toEqual([['b:阮氏'], ['b:氏花']]);
    expect(queryAlternatives('阮')[0]).toEqual([['u:阮']]);
    expect(queryAlternatives('  ')).toEqual([]);
  });

  it('every alternative of a query built from a name is satisfied by that name', () => {
    for (const name of ['Nguyễn Thị Hoa', '阮氏花', 'Ruǎn Shì Huā', 'Đặng Văn Đức', '李 小 明', 'Lý Thị Vy']) {
      const tokens = new Set(tokensOfName(name));
      for (const alternative of queryAlternatives(name)) {
        expect(nameMatches([alternative], tokens)).toBe(true);
      }
    }
  });

  describe('across scripts, with nobody typing a variant', () => {
    it.each([
      ['阮氏花', 'Nguyễn Thị Hoa'],
      ['ruan shi hua', 'Nguyễn Thị Hoa'],
      ['Ruǎn Shìhuā', 'Nguyễn Thị Hoa'],
      ['nguyen thi hoa', '阮氏花'],
      ['tran thi minh', '陳氏明'],
      ['tran thi minh', '陈氏明'],
      ['chen shi ming', 'Trần Thị Minh'],
      ['陈氏明', 'Trần Thị Minh'],
      ['huang shi lan', 'Hoàng Thị Lan'],
      ['黄氏兰', 'Huỳnh Thị Lan'],
      ['nguyen thi hoa', 'Ruan Shi Hua'],
      ['ruanshihua', '阮氏花'],
      ['阮', 'Nguyễn Văn Nam'],
      ['阮花', 'Nguyễn Thị Hoa'],
      ['阮氏花', 'Nguyễn Hoa'],
    ])('%p finds %p', (query, name) => {
      expect(finds(query, name)).toBe(true);
    });
  });

  it('has a word standing for two others, for the case below', () => {
    expect(crossReadings('chen')).toContain('than');
    expect(crossReadings('ming')).toContain('than');
  });

  describe('spelling that varies', () => {
    it.each([
      ['diacritics and tones left out', 'nguyen thi hoa', 'Nguyễn Thị Hoa'],
      ['tone marks in pinyin', 'Ruǎn Shì Huā', 'Ruan Shi Hua'],
      ['i for y', 'Li Thi Mi', 'Lý Thị Mỹ'],
      ['y for i', 'Quý', 'Quí'],
      ['d for đ', 'Dang Van Duc', 'Đặng Văn Đức'],
      ['ü typed as v', 'lv xiao hong', 'Lǚ Xiǎo Hóng'],
      ['syllables run together in the query', 'nguyenthihoa', 'Nguyễn Thị Hoa'],
      ['syllables run together in the record', 'ruan shi hua', 'Ruan Shihua'],
      ['syllables apart in the record, together in the query', 'Ruan Shihua', 'Ruan Shi Hua'],
      ['surname last', 'Hoa Nguyễn', 'Nguyễn Thị Hoa'],
      ['middle name left out of the query', 'nguyen hoa', 'Nguyễn Thị Hoa'],
      ['middle name left out of the record', 'nguyen thi hoa', 'Nguyễn Hoa'],
      ['Văn left out of the record', 'dang van duc', 'Đặng Đức'],
    ])('%s: %p finds %p', (_why, query, name) => {
      expect(finds(query, name)).toBe(true);
    });

    it.each([
      ['another given name', 'nguyen thi hoa', 'Nguyễn Thị Lan'],
      ['another surname', 'tran thi hoa', 'Nguyễn Thị Hoa'],
      ['another surname in characters', '陳氏花', 'Nguyễn Thị Hoa'],
      ['other characters', '阮氏花', '黎氏蘭'],
      ['characters out of order', '花氏', 'Nguyễn Thị Hoa'],
      ['characters out of order, read', '花阮', '阮氏花'],
      ['characters out of order, read, in another form', '花陈', '陳氏花'],
      ['only the middle name', 'thi', 'Nguyễn Văn Hoa'],
      // "than" stands for both chen and ming (checked below): one word cannot meet two of the query.
      ['one word of the name for two of the query', 'chen ming', 'Thân Hoa'],
    ])('%s: %p does not find %p', (_why, query, name) => {
      expect(finds(query, name)).toBe(false);
    });
  });
});
