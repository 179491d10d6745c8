import type { CaseEvent } from '#cases';
import type { ExchangeEvent } from '#exchanges';
import type { HandoverEvent } from '#handovers';
import type { PersonEvent } from '#persons';
import type { VerificationEvent } from '#verifications';
import {
  CHANNEL,
  CLASSIFICATION,
  DIRECTION,
  PROVINCE,
  PURPOSE,
  ROLE,
  SIDE,
  SUBJECT,
  TRANSFER,
  counterpartName,
  labelOf as l,
  placeName,
  when,
  type Text,
} from './timeline.labels.js';

export type TimelineEvent = CaseEvent | PersonEvent | ExchangeEvent | VerificationEvent | HandoverEvent;
export type TimelineEventType = TimelineEvent['type'];

type Summariser<K extends TimelineEventType> = (data: Extract<TimelineEvent, { type: K }>['data']) => Text;

const fixed = (vi: string, en: string, zh: string) => (): Text => ({ vi, en, zh });

/** A priority change; not its reason, which is free text. */
function priorityLine(priority: string, of: 'exchange' | 'verification'): Text {
  const urgent = priority === 'urgent';
  const what =
    of === 'exchange'
      ? { vi: 'trao đổi', en: 'Exchange', zh: '信息交流' }
      : { vi: 'yêu cầu xác minh', en: 'Verification request', zh: '核查请求' };
  return urgent
    ? { vi: `Chuyển ${what.vi} sang khẩn`, en: `${what.en} marked urgent`, zh: `${what.zh}改为紧急` }
    : { vi: `Chuyển ${what.vi} về mức thường`, en: `${what.en} back to normal priority`, zh: `${what.zh}改为普通` };
}

const late = (isLate: boolean, t: Text): Text =>
  isLate ? { vi: `${t.vi} (quá hạn)`, en: `${t.en} (late)`, zh: `${t.zh}（逾期）` } : t;

/**
 * One line per event type, built only from codes and closed vocabularies: free text (case
 * summaries, reasons, message bodies) may hold personal data and never reaches a summary.
 * Keyed by every event type of the five contexts, so a new event type fails the typecheck here.
 */
const SUMMARIES: { readonly [K in TimelineEventType]: Summariser<K> } = {
  ReportReceived: (d) => {
    const [c, p] = [l(CHANNEL, d.channel), l(PROVINCE, d.province)];
    return {
      vi: `Tiếp nhận tin báo qua ${c.vi} (${p.vi})`,
      en: `Report received via ${c.en} (${p.en})`,
      zh: `经${c.zh}接报（${p.zh}）`,
    };
  },
  CaseClassified: (d) => {
    const c = l(CLASSIFICATION, d.classification);
    return { vi: `Phân loại: ${c.vi}`, en: `Classified: ${c.en}`, zh: `定性：${c.zh}` };
  },
  CaseOpened: fixed('Mở hồ sơ vụ việc', 'Case opened', '立案'),
  CaseResolved: fixed('Giải quyết xong vụ việc', 'Case resolved', '案件已办结'),
  CaseClosed: (d) =>
    d.override
      ? {
          vi: 'Đóng hồ sơ (lãnh đạo cho phép ngoại lệ)',
          en: 'Case closed (supervisor override)',
          zh: '结案（领导特批）',
        }
      : { vi: 'Đóng hồ sơ', en: 'Case closed', zh: '结案' },
  CaseReopened: fixed('Mở lại hồ sơ', 'Case reopened', '重新立案'),
  PersonLinked: (d) => {
    const r = l(ROLE, d.role);
    return { vi: `Liên kết cá nhân (${r.vi})`, en: `Person linked (${r.en})`, zh: `关联人员（${r.zh}）` };
  },
  ExchangeLinked: fixed('Liên kết trao đổi thông tin', 'Information exchange linked', '关联信息交流'),
  VerificationLinked: fixed('Liên kết yêu cầu xác minh', 'Verification request linked', '关联核查请求'),
  HandoverLinked: fixed('Liên kết việc trao trả', 'Handover linked', '关联移交'),
  PersonRegistered: (d) => {
    const r = l(ROLE, d.role);
    return { vi: `Đăng ký cá nhân (${r.vi})`, en: `Person registered (${r.en})`, zh: `登记人员（${r.zh}）` };
  },
  IdentificationBegun: fixed('Bắt đầu xác định nạn nhân', 'Victim identification begun', '开始被害人身份认定'),
  VictimIdentified: fixed('Xác định là nạn nhân', 'Identified as a victim', '认定为被害人'),
  IdentificationNotConfirmed: fixed('Không xác định là nạn nhân', 'Not confirmed as a victim', '未认定为被害人'),
  IdentificationReopened: fixed('Mở lại việc xác định nạn nhân', 'Identification reopened', '重新启动身份认定'),
  PersonalDataCorrected: fixed('Cập nhật thông tin cá nhân', 'Personal data corrected', '个人信息已更正'),
  PersonalDataErased: fixed(
    'Xóa dữ liệu cá nhân (hủy khóa)',
    'Personal data erased (key destroyed)',
    '个人数据已删除（密钥已销毁）',
  ),
  ConsentGiven: (d) => {
    const [p, c] = [l(PURPOSE, d.purpose), counterpartName(d.recipient)];
    return {
      vi: `Đồng ý chia sẻ dữ liệu cho ${c.vi} (${p.vi})`,
      en: `Consent given to share data with ${c.en} (${p.en})`,
      zh: `同意向${c.zh}提供数据（${p.zh}）`,
    };
  },
  ConsentRefused: (d) => {
    const [p, c] = [l(PURPOSE, d.purpose), counterpartName(d.recipient)];
    return {
      vi: `Không đồng ý chia sẻ dữ liệu cho ${c.vi} (${p.vi})`,
      en: `Consent refused for sharing data with ${c.en} (${p.en})`,
      zh: `不同意向${c.zh}提供数据（${p.zh}）`,
    };
  },
  ConsentWithdrawn: fixed('Rút lại sự đồng ý', 'Consent withdrawn', '撤回同意'),
  LegalHoldPlaced: fixed('Phong toả dữ liệu để phục vụ tố tụng', 'Legal hold placed for proceedings', '为诉讼冻结数据'),
  LegalHoldReleased: fixed('Gỡ phong toả dữ liệu', 'Legal hold released', '解除数据冻结'),
  // Support and referrals: the kind of help is a code, the notes stay sealed and out of the timeline.
  SupportProvided: fixed('Ghi nhận hỗ trợ thiết yếu', 'Essential support recorded', '记录基本援助'),
  ReferralMade: fixed('Chuyển gửi đến dịch vụ hỗ trợ', 'Referred to a support service', '转介至援助服务'),
  ReferralAccepted: fixed('Dịch vụ tiếp nhận chuyển gửi', 'Referral accepted by the service', '服务机构接受转介'),
  ReferralDeclined: fixed('Dịch vụ từ chối chuyển gửi', 'Referral declined by the service', '服务机构拒绝转介'),
  ReferralCompleted: fixed('Hoàn thành chuyển gửi', 'Referral completed', '转介完成'),
  ScreeningRecorded: fixed(
    'Ghi nhận sàng lọc dấu hiệu bị mua bán',
    'Trafficking screening recorded',
    '记录拐卖迹象筛查',
  ),
  ConsentOverridden: (d) => {
    const c = counterpartName(d.counterpart);
    return {
      vi: `Lãnh đạo cho phép gửi dữ liệu cho ${c.vi} khi chưa có sự đồng ý`,
      en: `Supervisor allowed sending data to ${c.en} without standing consent`,
      zh: `领导特批在未获同意时向${c.zh}提供数据`,
    };
  },
  ExchangeOpened: (d) => {
    const c = counterpartName(d.counterpart);
    return { vi: `Mở trao đổi với ${c.vi}`, en: `Exchange opened with ${c.en}`, zh: `与${c.zh}开启信息交流` };
  },
  ExchangePriorityChanged: (d) => priorityLine(d.priority, 'exchange'),
  MessageLogged: (d) => {
    const dir = l(DIRECTION, d.direction);
    const tags = `${d.language}, ${d.handlingCode}`;
    return d.draft
      ? { vi: `Soạn thảo thư (${tags})`, en: `Message drafted (${tags})`, zh: `起草消息（${tags}）` }
      : { vi: `Thư ${dir.vi} (${tags})`, en: `Message ${dir.en} (${tags})`, zh: `消息${dir.zh}（${tags}）` };
  },
  DraftSent: fixed('Gửi thư nháp', 'Draft sent', '草稿已发送'),
  DraftDiscarded: fixed('Hủy thư nháp', 'Draft discarded', '草稿已作废'),
  // Not the comment of a return: it is free text about the message and may name a person.
  DraftReleased: fixed(
    'Cán bộ thứ hai duyệt gửi thư nháp',
    'Draft released by a second officer',
    '第二名干部批准发送草稿',
  ),
  DraftReturned: fixed('Trả lại thư nháp cho người soạn', 'Draft returned to its author', '草稿退回起草人'),
  ReleaseWithdrawn: fixed('Rút đề nghị duyệt gửi', 'Release request withdrawn', '撤回发送审批申请'),
  DraftResubmitted: fixed('Đề nghị duyệt gửi lại thư nháp', 'Draft resubmitted for release', '草稿重新提交审批'),
  MessageAcknowledged: fixed('Xác nhận đã nhận thư', 'Message acknowledged', '消息已确认收到'),
  MessageAnswered: fixed('Thư đã được trả lời', 'Message answered', '消息已答复'),
  ExchangeClosed: fixed('Kết thúc trao đổi', 'Exchange closed', '信息交流已结束'),
  VerificationRequested: (d) => {
    const [s, dir, c, due] = [
      l(SUBJECT, d.subject),
      l(DIRECTION, d.direction),
      counterpartName(d.counterpart),
      when(d.dueAt),
    ];
    return {
      vi: `Yêu cầu xác minh ${s.vi} (${dir.vi}, ${c.vi}), hạn ${due.vi}`,
      en: `Verification of ${s.en} requested (${dir.en}, ${c.en}), due ${due.en}`,
      zh: `核查请求：${s.zh}（${dir.zh}，${c.zh}），期限${due.zh}`,
    };
  },
  VerificationPriorityChanged: (d) => priorityLine(d.priority, 'verification'),
  VerificationDrafted: (d) => {
    const [s, c] = [l(SUBJECT, d.subject), counterpartName(d.counterpart)];
    return {
      vi: `Soạn yêu cầu xác minh ${s.vi} gửi ${c.vi}, chờ cán bộ thứ hai duyệt gửi`,
      en: `Verification of ${s.en} for ${c.en} drafted, awaiting a second officer’s release`,
      zh: `起草致${c.zh}的核查请求：${s.zh}，待第二名干部批准发送`,
    };
  },
  VerificationReleased: fixed(
    'Cán bộ thứ hai duyệt gửi yêu cầu xác minh',
    'Verification request released by a second officer',
    '第二名干部批准发送核查请求',
  ),
  // Not the comment: free text about the request that may name the person.
  VerificationDraftReturned: fixed(
    'Trả lại yêu cầu xác minh cho người soạn',
    'Verification draft returned to its author',
    '核查请求草稿退回起草人',
  ),
  VerificationReleaseWithdrawn: fixed(
    'Rút đề nghị duyệt gửi yêu cầu xác minh',
    'Release of the verification request withdrawn',
    '撤回核查请求发送审批申请',
  ),
  VerificationDraftResubmitted: fixed(
    'Đề nghị duyệt gửi lại yêu cầu xác minh',
    'Verification draft resubmitted for release',
    '核查请求草稿重新提交审批',
  ),
  VerificationExtended: (d) => {
    const due = when(d.newDueAt);
    return {
      vi: `Gia hạn xác minh đến ${due.vi}`,
      en: `Verification extended to ${due.en}`,
      zh: `核查期限延长至${due.zh}`,
    };
  },
  VerificationAnsweredConfirmed: (d) =>
    late(d.late, { vi: 'Kết quả xác minh: xác nhận', en: 'Verification answered: confirmed', zh: '核查结果：确认' }),
  VerificationAnsweredNotConfirmed: (d) =>
    late(d.late, {
      vi: 'Kết quả xác minh: không xác nhận',
      en: 'Verification answered: not confirmed',
      zh: '核查结果：未确认',
    }),
  VerificationAnsweredInconclusive: (d) =>
    late(d.late, {
      vi: 'Kết quả xác minh: chưa kết luận',
      en: 'Verification answered: inconclusive',
      zh: '核查结果：无法确定',
    }),
  VerificationWithdrawn: fixed('Rút yêu cầu xác minh', 'Verification withdrawn', '核查请求已撤回'),
  HandoverProposed: (d) => {
    const [g, s] = [placeName(d.gate), l(SIDE, d.proposedBy)];
    const n = Array.isArray(d.personIds) ? d.personIds.length : 0;
    return {
      vi: `${s.vi} đề xuất trao trả ${n} người tại ${g.vi}`,
      en: `Handover of ${n} person(s) at ${g.en} proposed by ${s.en}`,
      zh: `${s.zh}提议在${g.zh}移交${n}人`,
    };
  },
  HandoverScheduled: (d) => {
    const [g, t] = [placeName(d.gate), when(d.scheduledAt)];
    return {
      vi: `Lên lịch trao trả tại ${g.vi} lúc ${t.vi}`,
      en: `Handover scheduled at ${g.en} for ${t.en}`,
      zh: `移交定于${t.zh}在${g.zh}进行`,
    };
  },
  HandoverPostponed: fixed('Hoãn trao trả', 'Handover postponed', '移交推迟'),
  HandoverCancelled: fixed('Hủy trao trả', 'Handover cancelled', '移交取消'),
  HandoverConducted: (d) => {
    const g = placeName(d.gate);
    return { vi: `Đã trao trả tại ${g.vi}`, en: `Handover conducted at ${g.en}`, zh: `已在${g.zh}完成移交` };
  },
  PersonReceived: fixed('Tiếp nhận một người', 'Person received', '接收一人'),
  PersonNotReceived: fixed('Một người không được tiếp nhận', 'Person not received', '一人未接收'),
  MinutesSigned: (d) => ({
    vi: `Ký biên bản giao nhận số ${d.number}`,
    en: `Handover minutes no. ${d.number} signed`,
    zh: `签署移交记录（编号${d.number}）`,
  }),
  OnwardTransferRecorded: (d) => {
    const k = l(TRANSFER, d.toKind);
    return { vi: `Chuyển giao tiếp cho ${k.vi}`, en: `Onward transfer to ${k.en}`, zh: `转交${k.zh}` };
  },
  HandoverClosed: fixed('Kết thúc trao trả', 'Handover closed', '移交结案'),
};

export const TIMELINE_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(SUMMARIES));

/** The three-language line of an event; a malformed payload gives a neutral line, never a throw. */
export function summarise(type: string, data: unknown): Text {
  const fn = (SUMMARIES as Record<string, ((d: unknown) => Text) | undefined>)[type];
  if (!fn || typeof data !== 'object' || data === null) return { vi: type, en: type, zh: type };
  try {
    return fn(data);
  } catch {
    return { vi: type, en: type, zh: type };
  }
}
