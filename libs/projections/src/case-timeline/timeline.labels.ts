import { findCounterpart, findGate, MARKER_CODE } from '#reference-data';
import { localTimes, type ZonedInstant } from '#shared-kernel';

/** One line in the three languages of the liaison work (vi for the office, zh for the counterpart). */
export interface Text {
  readonly vi: string;
  readonly en: string;
  readonly zh: string;
}

type Labels = Readonly<Record<string, Text>>;

const label = (labels: Labels, key: unknown): Text =>
  (typeof key === 'string' ? labels[key] : undefined) ?? { vi: String(key), en: String(key), zh: String(key) };

export const CHANNEL: Labels = {
  hotline: { vi: 'đường dây nóng 111', en: 'hotline 111', zh: '111热线' },
  self_report: { vi: 'tự trình báo', en: 'self-report', zh: '自行报案' },
  rescue: { vi: 'giải cứu', en: 'rescue', zh: '解救' },
  counterpart_notification: { vi: 'thông báo của phía Trung Quốc', en: 'counterpart notification', zh: '中方通报' },
  blo_meeting: { vi: 'hội đàm BLO', en: 'BLO meeting', zh: '边境联络官会晤' },
  counterpart_handover: { vi: 'phía Trung Quốc trao trả', en: 'handover by the Chinese side', zh: '中方移交' },
  mission_abroad: { vi: 'cơ quan đại diện ở nước ngoài', en: 'mission abroad', zh: '驻外使领馆' },
  other: { vi: 'kênh khác', en: 'another channel', zh: '其他渠道' },
};

export const PROVINCE: Labels = {
  'quang-ninh': { vi: 'Quảng Ninh', en: 'Quang Ninh', zh: '广宁' },
  'lang-son': { vi: 'Lạng Sơn', en: 'Lang Son', zh: '谅山' },
  'cao-bang': { vi: 'Cao Bằng', en: 'Cao Bang', zh: '高平' },
  'tuyen-quang': { vi: 'Tuyên Quang', en: 'Tuyen Quang', zh: '宣光' },
  'lao-cai': { vi: 'Lào Cai', en: 'Lao Cai', zh: '老街' },
  'lai-chau': { vi: 'Lai Châu', en: 'Lai Chau', zh: '莱州' },
  'dien-bien': { vi: 'Điện Biên', en: 'Dien Bien', zh: '奠边' },
};

export const CLASSIFICATION: Labels = {
  trafficking_suspected: { vi: 'nghi mua bán người', en: 'suspected trafficking', zh: '涉嫌拐卖人口' },
  not_trafficking: { vi: 'không phải mua bán người', en: 'not trafficking', zh: '非拐卖案件' },
  insufficient_information: { vi: 'chưa đủ thông tin', en: 'insufficient information', zh: '信息不足' },
};

export const ROLE: Labels = {
  presumed_victim: { vi: 'người đang được xác định là nạn nhân', en: 'presumed victim', zh: '疑似被害人' },
  victim: { vi: 'nạn nhân', en: 'victim', zh: '被害人' },
  accompanying_minor: { vi: 'người dưới 18 tuổi đi cùng', en: 'accompanying minor', zh: '随行未成年人' },
  relative: { vi: 'người thân', en: 'relative', zh: '亲属' },
  suspect: { vi: 'đối tượng nghi vấn', en: 'suspect', zh: '犯罪嫌疑人' },
};

/** Why a person's data would be shared (consent is given for one purpose). */
export const PURPOSE: Labels = {
  identity_verification: { vi: 'xác minh nhân thân', en: 'identity verification', zh: '身份核查' },
  family_tracing: { vi: 'tìm kiếm gia đình', en: 'family tracing', zh: '寻找家人' },
  return_and_handover: { vi: 'hồi hương và trao trả', en: 'return and handover', zh: '遣返与移交' },
  information_exchange: { vi: 'trao đổi thông tin vụ việc', en: 'case information exchange', zh: '案件信息交流' },
  referral_to_services: { vi: 'chuyển gửi dịch vụ hỗ trợ', en: 'referral to services', zh: '转介服务' },
};

export const SUBJECT: Labels = {
  identity: { vi: 'nhân thân', en: 'identity', zh: '身份' },
  nationality: { vi: 'quốc tịch', en: 'nationality', zh: '国籍' },
  residence: { vi: 'nơi cư trú', en: 'residence', zh: '住所' },
  victim_status: { vi: 'tư cách nạn nhân', en: 'victim status', zh: '被害人身份' },
};

export const DIRECTION: Labels = {
  outgoing: { vi: 'gửi đi', en: 'outgoing', zh: '发出' },
  incoming: { vi: 'nhận được', en: 'incoming', zh: '收到' },
};

export const SIDE: Labels = {
  vn: { vi: 'phía Việt Nam', en: 'the Vietnamese side', zh: '越方' },
  cn: { vi: 'phía Trung Quốc', en: 'the Chinese side', zh: '中方' },
};

export const TRANSFER: Labels = {
  provincial_police: { vi: 'công an tỉnh', en: 'provincial police', zh: '省公安机关' },
  social_protection: { vi: 'cơ sở bảo trợ xã hội', en: 'social protection centre', zh: '社会保护中心' },
  health: { vi: 'cơ sở y tế', en: 'health service', zh: '卫生机构' },
  family: { vi: 'gia đình', en: 'family', zh: '家属' },
  other: { vi: 'đơn vị khác', en: 'another unit', zh: '其他单位' },
};

export const labelOf = label;

/** A gate of the register, a numbered boundary marker, or the code as given. */
export function placeName(code: unknown): Text {
  if (typeof code !== 'string') return label({}, code);
  const gate = findGate(code);
  if (gate) return { vi: gate.name.vi, en: gate.name.en, zh: `${gate.name.zh}（${gate.counterpartGate.zh}）` };
  if (MARKER_CODE.test(code)) {
    const n = code.slice('MARKER-'.length);
    return { vi: `mốc ${n}`, en: `boundary marker ${n}`, zh: `${n}号界碑` };
  }
  return label({}, code);
}

export function counterpartName(code: unknown): Text {
  const unit = typeof code === 'string' ? findCounterpart(code) : undefined;
  return unit ? unit.name : label({}, code);
}

/** A declared time as read on each side: Vietnam time in vi/en, China time in zh. */
export function when(z: ZonedInstant | undefined): Text {
  if (!z || typeof z.at !== 'string' || Number.isNaN(Date.parse(z.at))) return { vi: '?', en: '?', zh: '?' };
  const local = localTimes(z.at);
  const vn = `${local.vn.slice(0, 16).replace('T', ' ')} (UTC+7)`;
  return { vi: vn, en: vn, zh: `${local.cn.slice(0, 16).replace('T', ' ')}（UTC+8）` };
}
