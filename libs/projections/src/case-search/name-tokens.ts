import {
  crossReadings,
  foldSyllable,
  pinyinOf,
  pinyinOfName,
  splitSyllables,
  vietOf,
  writtenAs,
  type WrittenAs,
} from './han-readings.js';

/**
 * Normalised search tokens for names in any script (docs/domain.md: names come in vi-Latn with
 * diacritics, zh-Hans and pinyin, and must match across them; docs/adr/0013). The tokens are
 * never stored as they are: the index keeps only their keyed HMAC (see blind-index.ts).
 *
 * - Latin scripts: words folded (foldSyllable: diacritics, đ → d, final y → i), plus the words
 *   run together (c:nguyenthihoa) so "ruanshihua" finds "Ruǎn Shì Huā", plus the syllables of
 *   a run-together word ("Shihua" → shi, hua) so "shi hua" finds it.
 * - Chinese as written: every character (u:) and every pair of neighbours (b:), so a query of
 *   two or more characters must occur in the name, in order, as pairs.
 * - Chinese as read: the Sino-Vietnamese reading of every character and the pinyin of the name,
 *   as words and run together, so 阮氏花 is also nguyen thi hoa and ruan shi hua.
 * - Neighbouring words as pairs (p:nguyen+thi, p:thi+hoa), also across a middle name that may be
 *   left out (p:nguyen+hoa): a query in characters is read in order through them, as a query in
 *   characters meets names in characters in order through b:.
 */

const HAN = /\p{Script=Han}/u;
const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
/** Run-together readings of a name with many polyphones stop here; the words still match. */
const MAX_JOINED = 16;
/** Ways of cutting the run-together words of one name that are kept. */
const MAX_READINGS = 4;
/** Middle names a writer may leave out (Thị, Văn, and 氏 / 文 read in pinyin). */
const OPTIONAL_WORDS = new Set(['thi', 'van', 'shi', 'wen']);
const OPTIONAL_HAN = new Set(['氏', '文']);

/** Diacritics folded and lower-cased; also used for the case summary text search. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().normalize('NFC');
}

function split(value: string): { han: string[]; words: string[] } {
  const chars = [...value.normalize('NFC')];
  const han = chars.filter((c) => HAN.test(c));
  const rest = chars.map((c) => (HAN.test(c) ? ' ' : c)).join('');
  const words = rest
    .split(NOT_WORD)
    .map(foldSyllable)
    .filter((w) => w.length > 0);
  return { han, words };
}

const bigrams = (han: readonly string[]): string[] => han.slice(1).map((c, i) => `b:${han[i]}${c}`);

/** Pair tokens of neighbouring positions, each position read any of its ways. */
function pairs(positions: readonly (readonly string[])[]): string[] {
  return positions.slice(1).flatMap((right, i) => positions[i].flatMap((l) => right.map((r) => `p:${l}+${r}`)));
}

/** Neighbour pairs of a sequence of readings, and the pairs across each leavable middle name. */
function pairsOf(positions: readonly (readonly string[])[], optional: (i: number) => boolean): string[] {
  const out = pairs(positions);
  for (let i = 1; i < positions.length - 1; i++) {
    if (optional(i)) out.push(...pairs([positions[i - 1], positions[i + 1]]));
  }
  return out;
}

/** Every way of running the readings of the characters together, up to MAX_JOINED. */
function joinings(readings: readonly (readonly string[])[]): string[] {
  let out = [''];
  for (const options of readings) {
    out = out.flatMap((head) => options.map((r) => head + r)).slice(0, MAX_JOINED);
  }
  return out;
}

/**
 * The syllables typed words may stand for: the words as typed, and every way of cutting the
 * run-together ones (at most MAX_READINGS sequences in all).
 */
function syllableReadings(words: readonly string[]): string[][] {
  let out: string[][] = [[]];
  for (const w of words) {
    const cuts = splitSyllables(w);
    const options = cuts.length > 0 ? cuts : [[w]];
    out = out.flatMap((head) => options.map((cut) => [...head, ...cut])).slice(0, MAX_READINGS);
  }
  return out;
}

/** Every token of one written name. */
export function tokensOfName(value: string): string[] {
  const { han, words } = split(value);
  const tokens = new Set<string>();
  const addWords = (ws: readonly string[]): void => {
    for (const w of ws) tokens.add(`w:${w}`);
    if (ws.length > 1) tokens.add(`c:${ws.join('')}`);
  };
  for (const c of han) tokens.add(`u:${c}`);
  for (const b of bigrams(han)) tokens.add(b);
  addWords(words);
  if (words.length === 1) tokens.add(`c:${words[0]}`);
  const addPairs = (positions: readonly (readonly string[])[], optional: (i: number) => boolean): void => {
    for (const p of pairsOf(positions, optional)) tokens.add(p);
  };
  // Latin names are also written surname last ("Hoa Nguyễn", "Shihua Ruan"); characters never
  // are, so the pairs are held in that order too, with the last word moved to the front.
  for (const syllables of syllableReadings(words)) {
    for (const s of syllables) tokens.add(`w:${s}`);
    for (const order of [syllables, [...syllables.slice(-1), ...syllables.slice(0, -1)]]) {
      addPairs(
        order.map((s) => [s]),
        (i) => OPTIONAL_WORDS.has(order[i]),
      );
    }
  }
  if (han.length > 0) {
    const spoken = pinyinOfName(han.join(''));
    addWords(spoken);
    if (spoken.length === han.length)
      addPairs(
        spoken.map((s) => [s]),
        (i) => OPTIONAL_HAN.has(han[i]),
      );
    const viet = han.map((c) => vietOf(c));
    for (const r of viet.flat()) tokens.add(`w:${r}`);
    const readable = viet.filter((r) => r.length > 0);
    if (readable.length > 1) for (const joined of joinings(readable)) tokens.add(`c:${joined}`);
    if (readable.length === han.length) addPairs(viet, (i) => OPTIONAL_HAN.has(han[i]));
  }
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

/** One alternative of a query: every group must be matched, a group by any one of its tokens. */
export type QueryAlternative = readonly (readonly string[])[];

/** A missing Thị / Văn must not hide the person: such groups are left out when two others remain. */
function withoutOptional<T>(items: readonly T[], optional: (item: T) => boolean): T[] {
  const kept = items.filter((i) => !optional(i));
  return kept.length >= 2 ? kept : [...items];
}

/** Groups for typed words: each word stands for itself and its readings on the other side. */
const wordGroups = (words: readonly string[], written: WrittenAs): string[][] =>
  withoutOptional(words, (w) => OPTIONAL_WORDS.has(w)).map((w) => crossReadings(w, written).map((r) => `w:${r}`));

/**
 * A query in characters read as the other script would write it, in order: one character is any
 * of its readings; more are neighbour pairs of readings (氏 / 文 left out when two others remain,
 * as the index holds the pairs across them). Sino-Vietnamese and pinyin are not mixed in a pair.
 */
function readInOrder(han: readonly string[], readings: readonly (readonly string[])[]): string[][] {
  if (han.length === 1) return [readings[0].map((r) => `w:${r}`)];
  const kept = withoutOptional(
    han.map((c, i) => ({ c, viet: vietOf(c), spoken: pinyinOf(c), all: readings[i] })),
    (x) => OPTIONAL_HAN.has(x.c),
  );
  return kept
    .slice(1)
    .map((right, i) => [...new Set([...pairs([kept[i].viet, right.viet]), ...pairs([kept[i].spoken, right.spoken])])]);
}

/**
 * What a query must match, as alternatives: a person matches when, for ANY alternative, EVERY
 * group has a token among theirs. Empty when the query has nothing name-like.
 */
export function queryAlternatives(query: string): QueryAlternative[] {
  const { han, words } = split(query);
  const alternatives: string[][][] = [];
  if (han.length === 1) alternatives.push([[`u:${han[0]}`]]);
  if (han.length > 1) alternatives.push([...new Set(bigrams(han))].map((b) => [b]));
  const readings = han.map((c) => [...new Set([...vietOf(c), ...pinyinOf(c)])]);
  if (han.length > 0 && readings.every((r) => r.length > 0)) alternatives.push(readInOrder(han, readings));
  if (words.length > 0) {
    const written = writtenAs(query);
    alternatives.push(wordGroups(words, written));
    for (const cut of syllableReadings(words)) {
      if (cut.length > words.length) alternatives.push(wordGroups(cut, written));
    }
    alternatives.push([[`c:${words.join('')}`]]);
  }
  return alternatives;
}

/** The same test the index query makes, on plain tokens: for measuring and explaining matches. */
export function nameMatches(alternatives: readonly QueryAlternative[], tokens: ReadonlySet<string>): boolean {
  return alternatives.some((groups) => {
    const met = groups.map((group) => group.filter((t) => tokens.has(t)));
    return met.every((m) => m.length > 0) && new Set(met.flat()).size >= groups.length;
  });
}
