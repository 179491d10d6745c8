import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { SUPPRESSED, SUPPRESSION_THRESHOLD } from '#projections';
import type { ReportView } from './report-view.js';
import { PROVINCE_NAMES, SECTION_TITLES, periodTitle, placeAndDate } from './report-labels.js';

const FONT = 'Times New Roman';
/** Half-points: 13 pt body, 12 pt header lines, as administrative documents are set (Decree 30/2020). */
const BODY = 26;
const SMALL = 24;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

type Line = string | { text: string; bold?: boolean; italics?: boolean; size?: number };

function para(lines: Line | Line[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  const runs = (Array.isArray(lines) ? lines : [lines]).map((l, i) => {
    const spec = typeof l === 'string' ? { text: l } : l;
    return new TextRun({ font: FONT, size: BODY, ...spec, break: i > 0 ? 1 : 0 });
  });
  return new Paragraph({ ...options, children: runs });
}

/** A count as a published document may print it: small counts suppressed, as the figures are. */
const published = (n: number): string => (n >= 1 && n < SUPPRESSION_THRESHOLD ? SUPPRESSED : String(n));

const centred = (lines: Line | Line[]): Paragraph => para(lines, { alignment: AlignmentType.CENTER });

/** Two columns without borders: the header (unit | motto) and the foot (recipients | signature). */
function twoColumns(left: Paragraph[], right: Paragraph[]): Table {
  const cell = (children: Paragraph[], pct: number) =>
    new TableCell({ children, width: { size: pct, type: WidthType.PERCENTAGE }, borders: NO_BORDERS });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, 42), cell(right, 58)] })],
  });
}

/** A figure by its dotted path in the published statistics (undefined when absent). */
function at(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.'))
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

function figuresTable(view: ReportView): Table {
  const s = view.figures.statistics;
  const crackdown = at(s, 'crackdown');
  const pct = (v: unknown): string => (typeof v === 'number' ? `${(v * 100).toFixed(1)} %` : '–');
  const count = (v: unknown): string => (typeof v === 'number' || typeof v === 'string' ? String(v) : '–');
  const rows: [string, string, (v: unknown) => string][] = [
    ['Tin báo tiếp nhận', 'reports.received', count],
    ['Đã phân loại', 'reports.classified', count],
    ['Tỷ lệ phân loại (chỉ tiêu 100 %)', 'reports.classifiedRate', pct],
    ['Đã giải quyết', 'reports.resolved', count],
    ['Tỷ lệ giải quyết (chỉ tiêu trên 90 %)', 'reports.resolvedRate', pct],
    ['Người được tiếp nhận', 'persons.total', count],
    ['Cuộc trao trả đã thực hiện', 'handovers.held', count],
    ['Người được trao trả', 'handovers.personsHandedOver', count],
    ['Yêu cầu xác minh', 'verifications.requested', count],
    ['Cuộc hội đàm, giao ban với phía bạn', 'meetings.meetings.total', count],
    ['Việc đã thống nhất', 'meetings.actions.agreed', count],
    ['Việc xong đúng hạn', 'meetings.actions.doneOnTime', count],
  ];
  const cell = (value: string, bold = false) => new TableCell({ children: [para({ text: value, bold, size: SMALL })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [cell('Chỉ tiêu', true), cell('Kỳ báo cáo', true), cell('Đợt cao điểm 01/7 – 30/9', true)],
      }),
      ...rows.map(
        ([label, path, show]) =>
          new TableRow({
            children: [cell(label), cell(show(at(s, path))), cell(crackdown ? show(at(crackdown, path)) : '–')],
          }),
      ),
    ],
  });
}

/**
 * The report laid out as a Vietnamese administrative report (Decree 30/2020/NĐ-CP): issuing unit
 * and number beside the national motto, place and date, title, the four narrative parts with the
 * figures, recipients ("Nơi nhận") and the signature block. A report not yet submitted is marked
 * as a draft and leaves number and date blank.
 */
export async function reportDocx(view: ReportView): Promise<Buffer> {
  const province = PROVINCE_NAMES[view.province] ?? view.province;
  const doc = view.submission?.document;
  const pending = view.figures.pending;
  const narrative = (key: keyof typeof SECTION_TITLES): Paragraph[] =>
    (view.narrative[key] ?? '').split(/\r?\n/).map((line) => para(line, { alignment: AlignmentType.JUSTIFIED }));
  const heading = (n: string, key: keyof typeof SECTION_TITLES): Paragraph =>
    para({ text: `${n}. ${SECTION_TITLES[key].toUpperCase()}`, bold: true }, { spacing: { before: 240 } });
  const header = twoColumns(
    [
      centred([{ text: `BAN CHỈ ĐẠO PHÒNG, CHỐNG MUA BÁN NGƯỜI TỈNH ${province.toUpperCase()}`, size: SMALL }]),
      centred({ text: 'VĂN PHÒNG LIÊN LẠC BIÊN GIỚI', bold: true, size: SMALL }),
      centred({ text: `Số: ${doc?.number ?? '       /BC'}`, size: SMALL }),
    ],
    [
      centred({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: SMALL }),
      centred({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true }),
      centred({
        text:
          doc && view.submission ? placeAndDate(doc.place, view.submission.at) : `${province}, ngày … tháng … năm …`,
        italics: true,
      }),
    ],
  );
  const signer = doc?.signer ?? { title: 'THỦ TRƯỞNG ĐƠN VỊ', name: '' };
  const foot = twoColumns(
    [
      para({ text: 'Nơi nhận:', bold: true, italics: true, size: SMALL }),
      ...(doc?.recipients ?? ['…']).map((r, i, all) =>
        para({ text: `- ${r}${i === all.length - 1 ? '.' : ';'}`, size: 22 }),
      ),
    ],
    [
      centred({ text: signer.title.toUpperCase(), bold: true }),
      centred(['', '', '', '']),
      centred({ text: signer.name, bold: true }),
    ],
  );
  const children = [
    header,
    ...(view.status === 'submitted' ? [] : [centred({ text: 'DỰ THẢO', bold: true, italics: true })]),
    para('', { spacing: { before: 240 } }),
    centred({ text: 'BÁO CÁO', bold: true, size: 28 }),
    centred({
      text: `Kết quả công tác phòng, chống mua bán người ${periodTitle(view.period.code, view.period.from, view.period.to)}`,
      bold: true,
    }),
    heading('I', 'situation'),
    ...narrative('situation'),
    heading('II', 'results'),
    ...narrative('results'),
    para(
      `Tin báo chưa phân loại: ${published(pending.unclassified.length)}; ` +
        `chưa giải quyết: ${published(pending.unresolved.length)} ` +
        '(danh sách mã vụ việc kèm theo bảng tính).',
      { spacing: { before: 120, after: 120 } },
    ),
    figuresTable(view),
    para({
      text: 'Các số từ 1 đến 10 được hiển thị là "<11" để không thể nhận diện nạn nhân.',
      italics: true,
      size: 22,
    }),
    heading('III', 'difficulties'),
    ...narrative('difficulties'),
    heading('IV', 'proposals'),
    ...narrative('proposals'),
    para('', { spacing: { before: 240 } }),
    foot,
  ];
  const document = new Document({
    creator: 'BLO Ledger',
    title: `Báo cáo ${view.period.code} ${province}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        // A4 with the margins of Decree 30/2020 (left 30 mm, right 15 mm, top and bottom 20 mm), in twips.
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
