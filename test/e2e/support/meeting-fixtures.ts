/** A BLO meeting held in April 2026 at the border, with one official of each side. */
export const newMeeting = (province: string, counterpart: string, over: Record<string, unknown> = {}) => ({
  kind: 'blo_meeting',
  province,
  counterparts: [counterpart],
  place: 'Cửa khẩu quốc tế Hữu Nghị',
  heldAt: '2026-04-10T09:00:00+07:00',
  participants: [
    { side: 'vn', name: 'Trần Văn Minh', role: 'Trưởng Văn phòng liên lạc biên giới' },
    { side: 'cn', name: '李明', role: '边境联络官' },
  ],
  languages: ['vi', 'zh'],
  minutes: { reference: 'BB-2026/04-BLO', sha256: 'b'.repeat(64) },
  ...over,
});

/** An action agreed at that meeting, due at the end of April (Vietnam time). */
export const newAction = (counterpart: string, caseIds: readonly string[], over: Record<string, unknown> = {}) => ({
  what: 'Trao đổi danh sách người cần xác minh trước khi bàn giao',
  owner: { kind: 'unit', id: 'VN-LS-BLO' },
  counterpart,
  dueAt: '2026-04-30T17:00:00+07:00',
  links: { caseIds: [...caseIds] },
  ...over,
});
