/**
 * Normalised search tokens for names in any script (docs/domain.md: names come in vi-Latn with
 * diacritics, zh-Hans and pinyin, and must match across them). The tokens are never stored as
 * they are: the index keeps only their keyed HMAC (see blind-index.ts).
 *
 * - Latin scripts: diacritics folded (NFD, marks stripped, đ → d), lower-cased, split into
 *   words. "Nguyễn Thị Hoa" → w:nguyen w:thi w:hoa, plus the words run together (c:nguyenthihoa)
 *   so "ruanshihua" finds "Ruǎn Shì Huā".
 * - Chinese as written: every character (u:) and every pair of neighbours (b:), so a query of
 *   two or more characters must occur in the name, in order, as pairs.
 */

const HAN = /\p{Script=Han}/u;
const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Diacritics folded and lower-cased; also used for the case summary text search. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().normalize('NFC');
}

function split(value: string): { han: string; words: string[] } {
  const chars = [...value.normalize('NFC')];
  const han = chars.filter((c) => HAN.test(c)).join('');
  const rest = chars.map((c) => (HAN.test(c) ? ' ' : c)).join('');
  const words = foldText(rest)
    .split(NOT_WORD)
    .filter((w) => w.length > 0);
  return { han, words };
}

const bigrams = (han: string): string[] => {
  const chars = [...han];
  return chars.slice(1).map((c, i) => `b:${chars[i]}${c}`);
};

/** Every token of one written name. */
export function tokensOfName(value: string): string[] {
  const { han, words } = split(value);
  const tokens = new Set<string>();
  for (const c of han) tokens.add(`u:${c}`);
  for (const b of bigrams(han)) tokens.add(b);
  for (const w of words) tokens.add(`w:${w}`);
  if (words.length > 1) tokens.add(`c:${words.join('')}`);
  return [...tokens];
}

/** Tokens of a person's names: the full name and every variant (Chinese, pinyin, …). */
export function tokensOfPerson(personal: {
  readonly fullName: string;
  readonly nameVariants?: readonly { readonly value: string }[];
}): string[] {
  const all = new Set<string>();
  for (const value of [personal.fullName, ...(personal.nameVariants ?? []).map((v) => v.value)]) {
    for (const t of tokensOfName(value)) all.add(t);
  }
  return [...all];
}

/**
 * What a query must match, as alternatives: a person matches when ALL tokens of ANY
 * alternative are among theirs. Empty when the query has nothing name-like.
 */
export function queryAlternatives(query: string): string[][] {
  const { han, words } = split(query);
  const alternatives: string[][] = [];
  if ([...han].length === 1) alternatives.push([`u:${han}`]);
  if ([...han].length > 1) alternatives.push([...new Set(bigrams(han))]);
  if (words.length > 0) alternatives.push([...new Set(words.map((w) => `w:${w}`))]);
  if (words.length === 1) alternatives.push([`c:${words[0]}`]);
  return alternatives;
}
