import { pinyin } from 'pinyin-pro';
import { HAN_VIET_READINGS } from './han-viet.data.js';

/**
 * How Chinese characters are read on each side of the border, for matching names across
 * scripts: the Sino-Vietnamese reading (han-viet.data.ts, from Unihan) and pinyin (pinyin-pro).
 * Every reading is returned folded like a searched word (foldSyllable), so a reading and a
 * typed word compare as plain strings.
 */

const MARKS = /\p{M}+/gu;

/**
 * A Latin word folded to the spelling both sides agree on: no tones or diacritics, đ → d,
 * lower case; a final y after consonants is i (Lý and Lí, Quý and Quí, Vy and Vi are written
 * both ways); pinyin ü typed as v (lv, nv) is u, as folding writes ü.
 */
export function foldSyllable(word: string): string {
  const plain = word.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  return plain.replace(/^(qu|[bcdghklmnprstvx]+)y$/, '$1i').replace(/^([ln])v/, '$1u');
}

/** Character → folded Sino-Vietnamese readings, and as written; built once from the generated table. */
const vietByChar = new Map<string, string[]>();
const writtenByChar = new Map<string, string[]>();
for (const line of HAN_VIET_READINGS) {
  const [reading, chars] = line.split(' ');
  const folded = foldSyllable(reading);
  for (const ch of chars) {
    const mine = vietByChar.get(ch) ?? [];
    if (!mine.includes(folded)) mine.push(folded);
    vietByChar.set(ch, mine);
    writtenByChar.set(ch, [...(writtenByChar.get(ch) ?? []), reading]);
  }
}

/**
 * How a name in characters reads, for a person to check a match: its Sino-Vietnamese reading with
 * diacritics (a character with several readings shows them all, 黃 hoàng/huỳnh) and its pinyin
 * with tones. Null when the name has no character the table can read.
 */
export function readAloud(han: string): { vietnamese: string; pinyin: string } | null {
  const chars = [...han];
  if (!chars.some((c) => writtenByChar.has(c))) return null;
  return {
    vietnamese: chars.map((c) => (writtenByChar.get(c) ?? [c]).join('/')).join(' '),
    pinyin: pinyin(han, { type: 'array', surname: 'head' }).join(' '),
  };
}

/** Sino-Vietnamese readings of one character; empty when the table has none. */
export function vietOf(ch: string): readonly string[] {
  return vietByChar.get(ch) ?? [];
}

/** Every pinyin reading of one character (a polyphone has several), tones folded. */
export function pinyinOf(ch: string): readonly string[] {
  const all = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: false });
  return [...new Set(all.map(foldSyllable).filter((s) => /^[a-z]+$/.test(s)))];
}

/** The usual pinyin of one character and its reading as a surname, tones folded. */
function usualPinyinOf(ch: string): string[] {
  const usual = pinyin(ch, { toneType: 'none', v: false });
  const surname = pinyin(ch, { toneType: 'none', v: false, surname: 'head' });
  return [...new Set([usual, surname].map(foldSyllable).filter((s) => /^[a-z]+$/.test(s)))];
}

/** Pinyin of a written name, each character read in context, the first as a surname (单 shàn). */
export function pinyinOfName(han: string): string[] {
  const syllables = pinyin(han, { toneType: 'none', type: 'array', surname: 'head', v: false });
  return syllables.map(foldSyllable).filter((s) => /^[a-z]+$/.test(s));
}

interface Crossings {
  /** pinyin syllable → Sino-Vietnamese readings of the characters read that way */
  readonly vietOfPinyin: ReadonlyMap<string, ReadonlySet<string>>;
  /** Sino-Vietnamese reading → pinyin of the characters read that way */
  readonly pinyinOfViet: ReadonlyMap<string, ReadonlySet<string>>;
}

let crossings: Crossings | undefined;

/** Built on first use (some thousand pinyin look-ups), then kept for the process. */
function cross(): Crossings {
  if (crossings) return crossings;
  const vietOfPinyin = new Map<string, Set<string>>();
  const pinyinOfViet = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string): void => {
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  for (const [ch, viet] of vietByChar) {
    // Only the usual reading and the reading as a surname (曾 ceng, as a surname zeng): a rare
    // reading of a polyphone (石 dan) would let a common syllable stand for far more names.
    for (const p of usualPinyinOf(ch)) {
      for (const v of viet) {
        add(vietOfPinyin, p, v);
        add(pinyinOfViet, v, p);
      }
    }
  }
  crossings = { vietOfPinyin, pinyinOfViet };
  return crossings;
}

/**
 * The words a typed Latin word may stand for on the other side: a pinyin syllable through the
 * characters that have it to their Sino-Vietnamese readings ("chen" → trần via 陳), and a
 * Sino-Vietnamese reading to the pinyin of its characters ("tran" → chen). The word itself first.
 * A word known to be Vietnamese (Tuệ) is not read as pinyin, nor a pinyin one (Shì) as Vietnamese.
 */
export function crossReadings(word: string, written: WrittenAs = 'either'): string[] {
  const { vietOfPinyin, pinyinOfViet } = cross();
  return [
    ...new Set([
      word,
      ...(written !== 'vietnamese' ? (vietOfPinyin.get(word) ?? []) : []),
      ...(written !== 'pinyin' ? (pinyinOfViet.get(word) ?? []) : []),
    ]),
  ];
}

/** Which script typed Latin text is in, when its marks tell; plain letters could be either. */
export type WrittenAs = 'vietnamese' | 'pinyin' | 'either';

/** Marks only Vietnamese writes (circumflex, breve, horn, hook above, tilde, dot below) and đ. */
const VIETNAMESE_MARKS = /[\u0302\u0306\u031b\u0309\u0303\u0323đĐ]/u;
/** Marks only pinyin writes: the first and third tones, and ü. */
const PINYIN_MARKS = /[\u0304\u030c\u0308]/u;

export function writtenAs(text: string): WrittenAs {
  const marks = text.normalize('NFD');
  if (VIETNAMESE_MARKS.test(marks)) return 'vietnamese';
  return PINYIN_MARKS.test(marks) ? 'pinyin' : 'either';
}

/** Whether a folded word is a syllable either side reads a character with. */
export function isSyllable(word: string): boolean {
  const { vietOfPinyin, pinyinOfViet } = cross();
  return vietOfPinyin.has(word) || pinyinOfViet.has(word);
}

/** Run-together words are cut at most this many ways ("luchau": lu chau, luc hau). */
const MAX_CUTS = 4;

/**
 * The ways a run-together word cuts into the fewest known syllables ("shihua" → shi hua,
 * "luchau" → lu chau and luc hau, both kept: which one the writer meant is not knowable).
 * Empty when the word is a syllable itself or cannot be cut.
 */
export function splitSyllables(word: string): string[][] {
  if (word.length < 4 || word.length > 40 || isSyllable(word)) return [];
  // cuts[end]: the fewest-piece cuts of word[0, end), at most MAX_CUTS of them
  const cuts: string[][][] = [[[]]];
  for (let end = 1; end <= word.length; end++) {
    let best: string[][] = [];
    for (let start = Math.max(0, end - 6); start < end; start++) {
      // Folded again on its own: a y ends the piece now (lythihoa → ly → li).
      const piece = foldSyllable(word.slice(start, end));
      if (cuts[start].length === 0 || !isSyllable(piece)) continue;
      const pieces = cuts[start][0].length + 1;
      if (best.length > 0 && pieces > best[0].length) continue;
      if (best.length > 0 && pieces < best[0].length) best = [];
      best.push(...cuts[start].map((head) => [...head, piece]));
    }
    cuts[end] = best.slice(0, MAX_CUTS);
  }
  return cuts[word.length].filter((cut) => cut.length > 1);
}
