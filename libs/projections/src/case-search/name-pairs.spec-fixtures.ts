import { pinyin } from 'pinyin-pro';

/**
 * The most frequent Vietnamese surnames and given-name syllables, with the characters they are
 * written in (traditional and simplified where they differ). Each must be read back from every
 * one of its characters, and reached from the characters' pinyin, or a name carrying it cannot
 * be matched across the border.
 */
const SURNAME_LIST = `Nguyễn 阮|Trần 陳陈|Lê 黎|Phạm 范|Hoàng 黃黄|Huỳnh 黃黄|Phan 潘|Vũ 武|Võ 武|Đặng 鄧邓|Bùi 裴|Đỗ 杜
|Hồ 胡|Ngô 吳吴|Dương 楊杨|Lý 李|Đinh 丁|Đào 陶|Đoàn 段|Lâm 林|Mai 梅|Trương 張张|Trịnh 鄭郑|Lương 梁|Tạ 謝谢|Cao 高
|Hà 何|Tô 蘇苏|Châu 周|Chu 朱|Quách 郭|La 羅罗|Lưu 劉刘|Tăng 曾|Kim 金|Vương 王|Triệu 趙赵|Từ 徐|Doãn 尹|Lục 陸陆
|Hứa 許许|Kiều 喬乔|Tôn 孫孙|Mạc 莫|Diệp 葉叶|Hầu 侯|Thân 申|Nghiêm 嚴严|Bạch 白|Giang 江|Ông 翁|Âu 歐欧|Đàm 譚谭
|Thái 蔡|Khổng 孔|Lạc 駱骆|Phùng 馮冯|Tống 宋|Tiêu 蕭萧|Mã 馬马|Ninh 寧宁|Lữ 呂吕|Phí 費费|Vi 韋韦|Nông 農农|Mông 蒙
|Ma 麻|Bế 閉闭`;

const GIVEN_LIST = `Thị 氏|Văn 文|Hoa 花華华|Minh 明|Lan 蘭兰|Anh 英|Hương 香|Hồng 紅红|Hải 海|Hùng 雄|Dũng 勇|Tuấn 俊
|Thanh 青清|Thu 秋|Hà 河|Linh 玲靈灵|Ngọc 玉|Phương 芳|Hạnh 幸|Hiền 賢贤|Huệ 惠|Nga 娥|Nhung 絨绒|Quang 光|Trung 忠
|Đức 德|Hiếu 孝|Nghĩa 義义|Tâm 心|Thảo 草|Trang 莊庄|Xuân 春|Yến 燕|Phúc 福|Thủy 水|Tùng 松|Sơn 山|Long 龍龙
|Kiên 堅坚|Cường 強强|Bình 平|An 安|Khánh 慶庆|Hưng 興兴|Phong 風风|Vinh 榮荣|Hòa 和|Thắng 勝胜|Thành 成|Toàn 全
|Tiến 進进|Nam 南|Bảo 寶宝|Diệu 妙|Duyên 緣缘|Hằng 姮|Huyền 玄|Kiều 嬌娇|Loan 鸞鸾|Ly 璃|Mỹ 美|Nhàn 閑闲|Oanh 鶯莺
|Quyên 鵑鹃|Quỳnh 瓊琼|Thúy 翠|Trinh 貞贞|Tuyết 雪|Vân 雲云|Vy 薇|Uyên 鴛鸳|Hậu 厚|Lộc 祿禄|Thịnh 盛|Tài 才|Trí 智
|Việt 越|Nhân 仁|Lợi 利|Quý 貴贵|Đạt 達达|Công 公|Chiến 戰战|Hiệp 俠侠|Khoa 科|Lực 力|Nhật 日|Phát 發发|Tú 秀|Tuệ 慧
|Hạ 夏|Cúc 菊|Liên 蓮莲|Nguyệt 月|Chi 芝|Khang 康|Kiệt 傑杰|Phú 富|Quân 君|Thiện 善|Tín 信|Vĩnh 永|Bích 碧|Cẩm 錦锦
|Dung 蓉|Hân 欣|Hoài 懷怀|Khải 凱凯|Kỳ 琪|Lệ 麗丽|Ngân 銀银|Nhi 兒儿|Như 如|Phượng 鳳凤|Quế 桂|Sương 霜|Thư 書书
|Tường 祥|Đông 東东|Luân 倫伦|Quốc 國国|Tân 新|Thạch 石|Thuận 順顺|Tiên 仙|Duy 維维|Hoàn 環环|Trường 長长|Thương 倉`;

const parse = (list: string): (readonly [string, string])[] =>
  list.split('|').map((entry) => entry.trim().split(' ') as [string, string]);

/** [reading, characters (traditional and simplified where they differ)] */
export const SURNAMES = parse(SURNAME_LIST);
export const GIVEN = parse(GIVEN_LIST);
/** Given names proper: Thị and Văn are the middle names an identity has or not. */
const GIVEN_NAMES = GIVEN.filter(([r]) => r !== 'Thị' && r !== 'Văn');

export type Rng = () => number;

/** A small seeded generator (mulberry32), so a measurement can be repeated exactly. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)];

export interface Identity {
  readonly surname: readonly [string, string];
  readonly middle: 'Thị' | 'Văn' | null;
  readonly given: readonly (readonly [string, string])[];
}

export function identity(rng: Rng): Identity {
  const r = rng();
  return {
    surname: pick(rng, SURNAMES),
    middle: r < 0.5 ? 'Thị' : r < 0.8 ? 'Văn' : null,
    given: rng() < 0.35 ? [pick(rng, GIVEN_NAMES), pick(rng, GIVEN_NAMES)] : [pick(rng, GIVEN_NAMES)],
  };
}

/** Whether two identities are different people by name: another surname or other given names. */
export function differentNames(a: Identity, b: Identity): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const given = (i: Identity) => i.given.map(([r]) => fold(r)).join(' ');
  return fold(a.surname[0]) !== fold(b.surname[0]) || given(a) !== given(b);
}

export type Script = 'vi' | 'han' | 'pinyin';

const MIDDLE_HAN = { Thị: '氏', Văn: '文' } as const;

/** The name in characters, each syllable in one of its written forms. */
function inCharacters(id: Identity, rng: Rng): string {
  const chars = [id.surname, ...id.given].map(([, cs]) => pick(rng, [...cs]));
  return [chars[0], id.middle ? MIDDLE_HAN[id.middle] : '', ...chars.slice(1)].join('');
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

const iForY = (_: string, head: string, y: string): string => head + 'iíìỉĩị'['yýỳỷỹỵ'.indexOf(y)];

/** One way an officer or a counterpart writes the name in a script, and what varied. */
export function written(id: Identity, script: Script, rng: Rng): { text: string; how: string } {
  if (script === 'han') return { text: inCharacters(id, rng), how: 'characters' };
  if (script === 'pinyin') {
    const han = inCharacters(id, rng);
    const toned = pinyin(han, { type: 'array', surname: 'head' });
    const bare = pinyin(han, { type: 'array', surname: 'head', toneType: 'none' });
    const [sur, ...rest] = rng() < 0.5 ? toned : bare;
    const how = pick(rng, ['apart', 'given joined', 'all joined', 'given first', 'upper case', 'ü as v']);
    switch (how) {
      case 'apart':
        return { text: [sur, ...rest].map(capital).join(' '), how: `pinyin ${how}` };
      case 'given joined':
        return { text: `${capital(sur)} ${capital(rest.join(''))}`, how: `pinyin ${how}` };
      case 'all joined':
        return { text: capital([sur, ...rest].join('')), how: `pinyin ${how}` };
      case 'given first':
        return { text: `${capital(rest.join(''))} ${capital(sur)}`, how: `pinyin ${how}` };
      case 'upper case':
        return { text: `${sur} ${rest.join('')}`.toUpperCase(), how: `pinyin ${how}` };
      default:
        return { text: [sur, ...rest].map((s) => plain(s).replace(/ü/g, 'v')).join(' '), how: `pinyin ${how}` };
    }
  }
  const parts = [id.surname[0], ...(id.middle ? [id.middle] : []), ...id.given.map(([r]) => r)];
  const how = pick(rng, ['as written', 'no diacritics', 'i for y', 'surname last', 'middle left out', 'run together']);
  switch (how) {
    case 'no diacritics':
      return { text: plain(parts.join(' ')), how };
    case 'i for y':
      // Only a y ending a syllable after consonants varies (Lý, Lí); Duy or Thủy never do.
      return { text: parts.map((p) => p.replace(/^(qu|[bcdghklmnprstvx]+)([yýỳỷỹỵ])$/i, iForY)).join(' '), how };
    case 'surname last':
      return { text: [...parts.slice(1), parts[0]].join(' '), how };
    case 'middle left out':
      return { text: [id.surname[0], ...id.given.map(([r]) => r)].join(' '), how };
    case 'run together':
      return { text: plain(parts.join('')).toLowerCase(), how };
    default:
      return { text: parts.join(' '), how };
  }
}

export interface NamePair {
  readonly record: string;
  readonly query: string;
  /** Whether record and query name the same person. */
  readonly same: boolean;
  readonly kind: string;
}

const SCRIPTS: readonly Script[] = ['vi', 'vi', 'han', 'pinyin'];

/**
 * `count` pairs, half naming the same person in two writings (mostly across scripts), half
 * naming different people: a third of those share the surname, a third the given name, the rest
 * random, so the matcher is tried on the near misses a registry is full of.
 */
export function namePairs(count: number, seed: number): NamePair[] {
  const rng = seeded(seed);
  const pairs: NamePair[] = [];
  while (pairs.length < count) {
    const a = identity(rng);
    const [rs, qs] = [pick(rng, SCRIPTS), pick(rng, SCRIPTS)];
    const record = written(a, rs, rng);
    if (pairs.length % 2 === 0) {
      const query = written(a, qs, rng);
      pairs.push({ record: record.text, query: query.text, same: true, kind: `${record.how} → ${query.how}` });
      continue;
    }
    const near = rng();
    const other = identity(rng);
    const b: Identity =
      near < 1 / 3 ? { ...other, surname: a.surname } : near < 2 / 3 ? { ...other, given: a.given } : other;
    if (!differentNames(a, b)) continue;
    const query = written(b, qs, rng);
    pairs.push({ record: record.text, query: query.text, same: false, kind: `${rs} vs ${qs}` });
  }
  return pairs;
}
