/**
 * The seeded register of Chinese counterpart units and border gate pairs. Names in Vietnamese,
 * Chinese (zh-Hans) and English; bodies refer to them by `code`. Provinces are the post-2025
 * slugs. Jurisdictions carry the date from which the entry is valid (the 2025 merger).
 */
import { BORDER_PROVINCES, type BorderProvince } from '#shared-kernel';

export type ProvinceSlug = BorderProvince;
export const PROVINCES = BORDER_PROVINCES;

export interface Names {
  readonly vi: string;
  readonly zh: string;
  readonly en: string;
}

export interface CounterpartUnit {
  readonly code: string;
  readonly name: Names;
  /** The Vietnamese province whose BLO works with this unit. */
  readonly province: ProvinceSlug;
  readonly chineseProvince: 'guangxi' | 'yunnan' | 'national';
  readonly kind:
    | 'public_security_department'
    | 'anti_trafficking_liaison_office'
    | 'border_inspection_station'
    | 'border_management_brigade';
  readonly validFrom: string;
}

export interface BorderGate {
  readonly code: string;
  readonly name: Names;
  /** The Chinese side of the pair. */
  readonly counterpartGate: Names;
  readonly province: ProvinceSlug;
  readonly kind: 'international_gate' | 'main_gate' | 'bridge' | 'boundary_marker';
  readonly validFrom: string;
}

const MERGER = '2025-07-01';

export const COUNTERPARTS: readonly CounterpartUnit[] = [
  {
    code: 'CN-GX-PSD',
    name: {
      vi: 'Sở Công an Khu tự trị dân tộc Choang Quảng Tây',
      zh: '广西壮族自治区公安厅',
      en: 'Guangxi Zhuang Autonomous Region Public Security Department',
    },
    province: 'lang-son',
    chineseProvince: 'guangxi',
    kind: 'public_security_department',
    validFrom: MERGER,
  },
  {
    code: 'CN-YN-PSD',
    name: { vi: 'Sở Công an tỉnh Vân Nam', zh: '云南省公安厅', en: 'Yunnan Provincial Public Security Department' },
    province: 'lao-cai',
    chineseProvince: 'yunnan',
    kind: 'public_security_department',
    validFrom: MERGER,
  },
  {
    code: 'CN-MPS-ATLO-PX',
    name: {
      vi: 'Văn phòng sĩ quan liên lạc hợp tác thực thi pháp luật phòng chống tội phạm mua bán người xuyên quốc gia (Bằng Tường)',
      zh: '打击跨国拐卖犯罪执法合作联络官办公室（凭祥）',
      en: 'Anti-Trafficking Law Enforcement Cooperation Liaison Office (Pingxiang)',
    },
    province: 'lang-son',
    chineseProvince: 'guangxi',
    kind: 'anti_trafficking_liaison_office',
    validFrom: MERGER,
  },
  {
    code: 'CN-MPS-ATLO-DX',
    name: {
      vi: 'Văn phòng sĩ quan liên lạc hợp tác thực thi pháp luật phòng chống tội phạm mua bán người xuyên quốc gia (Đông Hưng)',
      zh: '打击跨国拐卖犯罪执法合作联络官办公室（东兴）',
      en: 'Anti-Trafficking Law Enforcement Cooperation Liaison Office (Dongxing)',
    },
    province: 'quang-ninh',
    chineseProvince: 'guangxi',
    kind: 'anti_trafficking_liaison_office',
    validFrom: MERGER,
  },
  {
    code: 'CN-MPS-ATLO-HK',
    name: {
      vi: 'Văn phòng sĩ quan liên lạc hợp tác thực thi pháp luật phòng chống tội phạm mua bán người xuyên quốc gia (Hà Khẩu)',
      zh: '打击跨国拐卖犯罪执法合作联络官办公室（河口）',
      en: 'Anti-Trafficking Law Enforcement Cooperation Liaison Office (Hekou)',
    },
    province: 'lao-cai',
    chineseProvince: 'yunnan',
    kind: 'anti_trafficking_liaison_office',
    validFrom: MERGER,
  },
  {
    code: 'CN-BIS-HEKOU',
    name: {
      vi: 'Trạm Kiểm tra biên phòng xuất nhập cảnh Hà Khẩu',
      zh: '河口出入境边防检查站',
      en: 'Hekou Exit-Entry Border Inspection Station',
    },
    province: 'lao-cai',
    chineseProvince: 'yunnan',
    kind: 'border_inspection_station',
    validFrom: MERGER,
  },
  {
    code: 'CN-BIS-PINGXIANG',
    name: {
      vi: 'Trạm Kiểm tra biên phòng xuất nhập cảnh Bằng Tường',
      zh: '凭祥出入境边防检查站',
      en: 'Pingxiang Exit-Entry Border Inspection Station',
    },
    province: 'lang-son',
    chineseProvince: 'guangxi',
    kind: 'border_inspection_station',
    validFrom: MERGER,
  },
  {
    code: 'CN-BIS-DONGXING',
    name: {
      vi: 'Trạm Kiểm tra biên phòng xuất nhập cảnh Đông Hưng',
      zh: '东兴出入境边防检查站',
      en: 'Dongxing Exit-Entry Border Inspection Station',
    },
    province: 'quang-ninh',
    chineseProvince: 'guangxi',
    kind: 'border_inspection_station',
    validFrom: MERGER,
  },
  {
    code: 'CN-BMB-CHONGZUO',
    name: { vi: 'Chi đội Quản lý biên giới Sùng Tả', zh: '崇左边境管理支队', en: 'Chongzuo Border Management Brigade' },
    province: 'cao-bang',
    chineseProvince: 'guangxi',
    kind: 'border_management_brigade',
    validFrom: MERGER,
  },
  {
    code: 'CN-BMB-HONGHE',
    name: { vi: 'Chi đội Quản lý biên giới Hồng Hà', zh: '红河边境管理支队', en: 'Honghe Border Management Brigade' },
    province: 'lao-cai',
    chineseProvince: 'yunnan',
    kind: 'border_management_brigade',
    validFrom: MERGER,
  },
  {
    code: 'CN-BMB-WENSHAN',
    name: { vi: 'Chi đội Quản lý biên giới Văn Sơn', zh: '文山边境管理支队', en: 'Wenshan Border Management Brigade' },
    province: 'tuyen-quang',
    chineseProvince: 'yunnan',
    kind: 'border_management_brigade',
    validFrom: MERGER,
  },
];

export const GATES: readonly BorderGate[] = [
  {
    code: 'HUU_NGHI',
    name: {
      vi: 'Cửa khẩu quốc tế Hữu Nghị',
      zh: '友谊国际口岸',
      en: 'Huu Nghi International Border Gate',
    },
    counterpartGate: { vi: 'Hữu Nghị Quan', zh: '友谊关', en: 'Youyiguan' },
    province: 'lang-son',
    kind: 'international_gate',
    validFrom: MERGER,
  },
  {
    code: 'TAN_THANH',
    name: { vi: 'Cửa khẩu Tân Thanh', zh: '新清口岸', en: 'Tan Thanh Border Gate' },
    counterpartGate: { vi: 'Phố Trại', zh: '浦寨', en: 'Puzhai' },
    province: 'lang-son',
    kind: 'main_gate',
    validFrom: MERGER,
  },
  {
    code: 'CHI_MA',
    name: { vi: 'Cửa khẩu Chi Ma', zh: '支马口岸', en: 'Chi Ma Border Gate' },
    counterpartGate: { vi: 'Ái Điểm', zh: '爱店', en: 'Aidian' },
    province: 'lang-son',
    kind: 'main_gate',
    validFrom: MERGER,
  },
  {
    code: 'COC_NAM',
    name: { vi: 'Cửa khẩu Cốc Nam', zh: '谷南口岸', en: 'Coc Nam Border Gate' },
    counterpartGate: { vi: 'Lũng Nghiêu', zh: '弄尧', en: 'Nongyao' },
    province: 'lang-son',
    kind: 'main_gate',
    validFrom: MERGER,
  },
  {
    code: 'LAO_CAI',
    name: { vi: 'Cửa khẩu quốc tế Lào Cai', zh: '老街国际口岸', en: 'Lao Cai International Border Gate' },
    counterpartGate: { vi: 'Hà Khẩu', zh: '河口', en: 'Hekou' },
    province: 'lao-cai',
    kind: 'international_gate',
    validFrom: MERGER,
  },
  {
    code: 'KIM_THANH',
    name: { vi: 'Cửa khẩu quốc tế đường bộ số II Kim Thành', zh: '金城公路口岸', en: 'Kim Thanh Road Border Gate' },
    counterpartGate: { vi: 'Cửa khẩu đường bộ Hà Khẩu', zh: '河口公路口岸', en: 'Hekou Road Port' },
    province: 'lao-cai',
    kind: 'international_gate',
    validFrom: MERGER,
  },
  {
    code: 'MONG_CAI',
    name: {
      vi: 'Cửa khẩu quốc tế Móng Cái (cầu Bắc Luân)',
      zh: '芒街国际口岸（北仑河大桥）',
      en: 'Mong Cai International Border Gate (Bac Luan Bridge)',
    },
    counterpartGate: { vi: 'Đông Hưng', zh: '东兴', en: 'Dongxing' },
    province: 'quang-ninh',
    kind: 'bridge',
    validFrom: MERGER,
  },
];

/** Handovers at a boundary marker (mốc giới) use `MARKER-<number>`, e.g. MARKER-1116. */
export const MARKER_CODE = /^MARKER-\d{1,4}(\/\d{1,3})?$/;
