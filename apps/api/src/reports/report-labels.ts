/** Vietnamese names the documents print: the record itself keeps slugs and codes. */
export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  'quang-ninh': 'Quảng Ninh',
  'lang-son': 'Lạng Sơn',
  'cao-bang': 'Cao Bằng',
  'tuyen-quang': 'Tuyên Quang',
  'lao-cai': 'Lào Cai',
  'lai-chau': 'Lai Châu',
  'dien-bien': 'Điện Biên',
};

export const SECTION_TITLES = {
  situation: 'Tình hình',
  results: 'Kết quả thực hiện',
  difficulties: 'Khó khăn, vướng mắc',
  proposals: 'Đề xuất, kiến nghị',
} as const;

export const STATUS_NAMES = { draft: 'Dự thảo', approved: 'Đã duyệt', submitted: 'Đã gửi' } as const;

/** How the document names its period: "quý I năm 2026", "6 tháng đầu năm 2026", "từ ngày … đến ngày …". */
export function periodTitle(code: string, from: string, to: string): string {
  const year = code.slice(0, 4);
  const part = code.slice(5);
  const roman = ['I', 'II', 'III', 'IV'];
  if (/^Q[1-4]$/.test(part)) return `quý ${roman[Number(part[1]) - 1]} năm ${year}`;
  if (part === 'H1') return `6 tháng đầu năm ${year}`;
  if (part === 'H2') return `6 tháng cuối năm ${year}`;
  if (part === 'Y') return `năm ${year}`;
  const day = (iso: string, back = 0): string => {
    const d = new Date(Date.parse(iso) + 7 * 3_600_000 - back);
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  };
  return `từ ngày ${day(from)} đến ngày ${day(to, 86_400_000)}`;
}

/** "Lạng Sơn, ngày 05 tháng 03 năm 2026", from an instant read in Vietnam time. */
export function placeAndDate(place: string, at: string): string {
  const d = new Date(Date.parse(at) + 7 * 3_600_000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${place}, ngày ${two(d.getUTCDate())} tháng ${two(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}
