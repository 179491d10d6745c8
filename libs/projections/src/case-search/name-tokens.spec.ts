import { foldText, queryAlternatives, tokensOfName, tokensOfPerson } from './name-tokens.js';

describe('name tokens', () => {
  it('folds Vietnamese diacritics, đ and case', () => {
    expect(foldText('Nguyễn Thị Hoa')).toBe('nguyen thi hoa');
    expect(foldText('ĐẶNG Văn Đức')).toBe('dang van duc');
    expect(foldText('Ruǎn Shì Huā')).toBe('ruan shi hua');
  });

  it('keeps Chinese as written: each character and each pair of neighbours', () => {
    expect(tokensOfName('阮氏花').sort()).toEqual(['b:氏花', 'b:阮氏', 'u:氏', 'u:花', 'u:阮'].sort());
  });

  it('splits Latin names into folded words, plus the words run together', () => {
    expect(tokensOfName('Nguyễn Thị  Hoa').sort()).toEqual(['c:nguyenthihoa', 'w:hoa', 'w:nguyen', 'w:thi'].sort());
  });

  it('collects the tokens of every variant of a person without duplicates', () => {
    const tokens = tokensOfPerson({
      fullName: 'Nguyễn Thị Hoa',
      nameVariants: [{ value: '阮氏花' }, { value: 'Ruan Shi Hua' }, { value: 'Nguyen Thi Hoa' }],
    });
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens).toEqual(expect.arrayContaining(['w:nguyen', 'b:阮氏', 'w:ruan', 'c:ruanshihua']));
  });

  it.each([
    ['nguyen hoa', [['w:nguyen', 'w:hoa']]],
    ['Hoa', [['w:hoa'], ['c:hoa']]],
    ['ruanshihua', [['w:ruanshihua'], ['c:ruanshihua']]],
    ['阮', [['u:阮']]],
    ['阮氏花', [['b:阮氏', 'b:氏花']]],
    ['  ', []],
  ])('turns the query %p into alternatives', (query, expected) => {
    expect(queryAlternatives(query)).toEqual(expected);
  });

  it('every alternative of a query built from a name is satisfied by that name', () => {
    const names = ['Nguyễn Thị Hoa', '阮氏花', 'Ruǎn Shì Huā', 'Đặng Văn Đức', '李 小 明'];
    for (const name of names) {
      const tokens = new Set(tokensOfName(name));
      for (const alternative of queryAlternatives(name)) {
        expect(alternative.every((t) => tokens.has(t))).toBe(true);
      }
    }
  });
});
