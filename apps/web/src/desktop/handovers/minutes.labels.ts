/**
 * The words printed on the handover minutes, in Vietnamese and Chinese at once.
 *
 * Not in src/i18n on purpose: the minutes are one bilateral document that both sides sign, so
 * their wording is the same whatever language the screen is in (a Chinese-speaking officer
 * still prints the Vietnamese text beside the Chinese one). i18n keys are re-chosen by the UI
 * language and would have to be read in two languages at once; a typed constant says plainly
 * that these strings are part of the form, and a change to them is a change to the form.
 * The screen around the document (back link, Print button) stays in src/i18n `minutes`.
 */
export interface Bilingual {
  readonly vi: string;
  readonly zh: string;
}

export const MINUTES_LABELS = {
  title: { vi: 'BIÊN BẢN BÀN GIAO, TIẾP NHẬN NẠN NHÂN BỊ MUA BÁN', zh: '被拐卖受害人移交接收记录' },
  draft: { vi: 'BẢN NHÁP — CHƯA BÀN GIAO, CHƯA CÓ GIÁ TRỊ', zh: '草稿——尚未移交，不具效力' },
  number: { vi: 'Số', zh: '编号' },
  place: { vi: 'Địa điểm', zh: '地点' },
  vnGate: { vi: 'Cửa khẩu phía Việt Nam', zh: '越方口岸' },
  cnGate: { vi: 'Cửa khẩu phía Trung Quốc', zh: '中方口岸' },
  boundaryMarker: { vi: 'Mốc giới', zh: '界碑' },
  conductedAt: { vi: 'Thời gian bàn giao', zh: '移交时间' },
  scheduledAt: { vi: 'Thời gian dự kiến', zh: '预定时间' },
  signedAt: { vi: 'Thời gian ký biên bản', zh: '签署时间' },
  vnTime: { vi: 'Giờ Việt Nam (UTC+7)', zh: '越南时间' },
  cnTime: { vi: 'Giờ Trung Quốc (UTC+8)', zh: '北京时间' },
  handingSide: { vi: 'Bên giao (phía Trung Quốc)', zh: '移交方（中方）' },
  receivingSide: { vi: 'Bên nhận (phía Việt Nam)', zh: '接收方（越方）' },
  unit: { vi: 'Đơn vị', zh: '单位' },
  officers: { vi: 'Cán bộ tham gia', zh: '参加人员' },
  vnUnit: { vi: 'Bộ đội Biên phòng Việt Nam', zh: '越南边防部队' },
  persons: { vi: 'Danh sách người được bàn giao', zh: '移交人员名单' },
  no: { vi: 'STT', zh: '序号' },
  name: { vi: 'Họ và tên', zh: '姓名' },
  sex: { vi: 'Giới tính', zh: '性别' },
  born: { vi: 'Ngày sinh', zh: '出生日期' },
  documents: { vi: 'Giấy tờ', zh: '证件' },
  outcome: { vi: 'Kết quả tiếp nhận', zh: '接收情况' },
  received: { vi: 'Đã tiếp nhận', zh: '已接收' },
  notReceived: { vi: 'Không tiếp nhận', zh: '未接收' },
  reason: { vi: 'Lý do', zh: '原因' },
  health: { vi: 'Kiểm tra sức khỏe', zh: '健康检查' },
  masked: { vi: 'Thông tin được bảo vệ', zh: '信息受保护' },
  erased: { vi: 'Đã xóa theo quy định', zh: '已依法删除' },
  closing: {
    vi: 'Biên bản được lập thành hai bản bằng tiếng Việt và tiếng Trung, mỗi bên giữ một bản, có giá trị như nhau.',
    zh: '本记录一式两份，以越南文和中文写成，双方各执一份，两种文本具有同等效力。',
  },
  handingRep: { vi: 'ĐẠI DIỆN BÊN GIAO', zh: '移交方代表' },
  receivingRep: { vi: 'ĐẠI DIỆN BÊN NHẬN', zh: '接收方代表' },
  rank: { vi: 'Cấp bậc, chức vụ', zh: '警衔、职务' },
  signature: { vi: 'Ký tên', zh: '签名' },
  record: { vi: 'Mã hồ sơ', zh: '档案编号' },
} as const satisfies Record<string, Bilingual>;

export const SEX_LABELS: Readonly<Partial<Record<string, Bilingual>>> = {
  female: { vi: 'Nữ', zh: '女' },
  male: { vi: 'Nam', zh: '男' },
  other: { vi: 'Khác', zh: '其他' },
  unknown: { vi: 'Không rõ', zh: '不详' },
};

export const DOCUMENT_LABELS: Readonly<Partial<Record<string, Bilingual>>> = {
  cccd: { vi: 'CCCD', zh: '身份证' },
  cmnd: { vi: 'CMND', zh: '身份证' },
  passport: { vi: 'Hộ chiếu', zh: '护照' },
};
