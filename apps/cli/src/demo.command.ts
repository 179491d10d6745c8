import type { AppConfig } from '#config';
import { LocalSigningKey, mintToken } from '#security';
import type { Role } from '#shared-kernel';
import { type ParsedArgs, one } from './cli-args.js';
import { ensureDemoAccounts } from './demo-accounts.js';

export const DEMO_USAGE = 'npm run cli -- demo [--url http://127.0.0.1:3000]   (the service must be running)';

interface Step {
  readonly say: string;
  readonly as: 'officer' | 'supervisor' | 'guard';
  readonly path: string;
  readonly body: (ids: Record<string, string>) => object;
  readonly keep?: string;
  /** Where to keep the id of the message the step logged. */
  readonly keepMessage?: string;
}

/** A wall-clock reading in China time `minutes` from now: what happens after a release is dated now. */
function chinaTimeIn(minutes: number): string {
  const at = new Date(Date.now() + minutes * 60_000 + 8 * 3_600_000).toISOString();
  return `${at.slice(0, 19)}+08:00`;
}

/** A realistic Lạng Sơn case, from the Guangxi notification to the handover at Hữu Nghị. */
const STEPS: readonly Step[] = [
  {
    say: 'Case opened from a notification by the Guangxi public security department',
    as: 'officer',
    path: '/cases',
    keep: 'caseId',
    body: () => ({
      channel: 'counterpart_notification',
      province: 'lang-son',
      summary:
        'Công an Quảng Tây thông báo một phụ nữ Việt Nam được giải cứu tại Bằng Tường, đề nghị xác minh và tiếp nhận.',
      occurredAt: '2026-03-02T10:30:00+08:00',
    }),
  },
  {
    say: 'Presumed victim registered (personal data sealed with her own key)',
    as: 'officer',
    path: '/cases/{caseId}/persons',
    keep: 'personId',
    body: () => ({
      role: 'presumed_victim',
      fullName: 'Nguyễn Thị Hoa',
      nameVariants: [
        { script: 'zh-Hans', value: '阮氏花' },
        { script: 'zh-Latn-pinyin', value: 'Ruan Shi Hua' },
      ],
      sex: 'female',
      dateOfBirth: '2005-08-14',
      nationality: 'VN',
      documents: [{ kind: 'cccd', number: '020305001234' }],
    }),
  },
  {
    say: 'Outgoing letter to Guangxi, in Chinese, asking for the rescue record: a draft, as it names her',
    as: 'officer',
    path: '/exchanges',
    keep: 'exchangeId',
    keepMessage: 'letterId',
    body: (ids) => ({
      caseIds: [ids.caseId],
      counterpart: 'CN-GX-PSD',
      channel: 'official_letter',
      direction: 'outgoing',
      subject: '关于核查一名越南籍女子身份的函',
      body: '请贵方提供解救记录及当事人随身证件复印件，以便我方核实身份并安排接收。',
      language: 'zh',
      handlingCode: 'H1',
      occurredAt: '2026-03-03T09:00:00+07:00',
      responseDueAt: '2026-03-10T17:00:00+07:00',
      ourReference: 'LS-BLO-2026-031',
      carriesPersonalData: true,
      personalData: { legalBasis: 'Law 53/2024 Art. 27; bilateral agreement on trafficking (2010)', consent: 'person' },
      draft: true,
    }),
  },
  {
    say: 'A second officer of the unit (the supervisor) releases the letter: it is sent now',
    as: 'supervisor',
    path: '/exchanges/{exchangeId}/messages/{letterId}/release',
    body: () => ({}),
  },
  {
    say: 'Guangxi acknowledges receipt',
    as: 'officer',
    path: '/exchanges/{exchangeId}/acknowledgements',
    body: () => ({ at: chinaTimeIn(5), by: '广西公安厅国际合作处' }),
  },
  {
    say: 'She consents, on a signed form, to her identity being verified with the Guangxi police',
    as: 'officer',
    path: '/persons/{personId}/consents',
    body: () => ({
      decision: 'given',
      purpose: 'identity_verification',
      recipient: 'CN-GX-PSD',
      givenBy: 'person',
      // The SHA-256 of the scanned form; the scan itself stays in the unit's files.
      formSha256: '5f0c1e9a3b7d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4',
      occurredAt: '2026-03-03T09:00:00+07:00',
    }),
  },
  {
    say: 'Verification of identity requested from the counterpart',
    as: 'officer',
    path: '/verification-requests',
    keep: 'verificationId',
    body: (ids) => ({
      caseId: ids.caseId,
      personId: ids.personId,
      direction: 'outgoing',
      counterpart: 'CN-GX-PSD',
      subject: 'identity',
      questions: 'Xác nhận họ tên, ngày sinh và nơi cư trú theo giấy tờ thu giữ khi giải cứu.',
      disclosure: { basis: 'consent' },
      dueAt: '2026-03-10T17:00:00+07:00',
      occurredAt: '2026-03-03T09:30:00+07:00',
    }),
  },
  {
    say: 'It names her, so it waits for a second officer: the supervisor releases it, and the reply clock starts',
    as: 'supervisor',
    path: '/verification-requests/{verificationId}/release',
    body: () => ({}),
  },
  {
    say: 'The Chinese side proposes a handover at Hữu Nghị – Youyiguan',
    as: 'officer',
    path: '/handovers',
    keep: 'handoverId',
    body: (ids) => ({
      caseId: ids.caseId,
      gate: 'HUU_NGHI',
      counterpart: 'CN-BIS-PINGXIANG',
      proposedBy: 'cn',
      personIds: [ids.personId],
      proposedAt: '2026-03-06T11:00:00+08:00',
    }),
  },
  {
    say: 'Handover scheduled for 09:00 China time at the gate',
    as: 'officer',
    path: '/handovers/{handoverId}/schedule',
    body: () => ({ gate: 'HUU_NGHI', scheduledAt: '2026-03-09T09:00:00+08:00' }),
  },
  {
    say: 'Border guard confirms the handover from the gate, in one submission',
    as: 'guard',
    path: '/handovers/{handoverId}/confirmation',
    body: (ids) => ({
      conductedAt: '2026-03-09T08:10:00+07:00',
      vnOfficers: ['Thiếu tá Hoàng Văn Nam', 'Đại úy Lý Thị Mai'],
      cnOfficers: ['王建国', '李明'],
      received: [{ personId: ids.personId, healthCheck: 'Sức khỏe ổn định', notes: 'Nhận kèm 01 túi tư trang' }],
      minutes: { number: 'BB-HN-2026-017', signedAt: '2026-03-09T08:40:00+07:00', languages: ['vi', 'zh'] },
    }),
  },
  {
    say: 'Onward transfer to the provincial social protection centre',
    as: 'guard',
    path: '/handovers/{handoverId}/onward-transfers',
    body: (ids) => ({
      personId: ids.personId,
      toUnit: 'VN-LS-BTXH',
      toKind: 'social_protection',
      at: '2026-03-09T11:30:00+07:00',
    }),
  },
];

const fill = (path: string, ids: Record<string, string>): string =>
  path.replace(/\{(\w+)\}/g, (_m, k: string) => ids[k] ?? k);

/** Talks to the running service over HTTP, as a client would: the server owns the data directory. */
export async function demoCommand(
  args: ParsedArgs,
  config: AppConfig,
  say: (line: string) => void,
): Promise<Record<string, string>> {
  const base = one(args, 'url') ?? `http://${config.host}:${config.port}`;
  const key = await LocalSigningKey.loadOrCreate(config.dataDir);
  const opts = { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 600 };
  const mint = (sub: string, role: Role, unit: string) =>
    mintToken(
      key,
      { sub, roles: [role], unit, province: 'lang-son', ...(role === 'border_guard' ? { gates: ['HUU_NGHI'] } : {}) },
      opts,
    );
  const tokens = {
    officer: await mint('an.nguyen', 'liaison_officer', 'VN-LS-BLO'),
    supervisor: await mint('tran.binh', 'supervisor', 'VN-LS-BLO'),
    guard: await mint('binh.hoang', 'border_guard', 'VN-LS-BP-HUUNGHI'),
  };
  const ids: Record<string, string> = {};
  for (const step of STEPS) {
    let res: Response;
    try {
      res = await fetch(`${base}/api/v1${fill(step.path, ids)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[step.as]}`, 'content-type': 'application/json' },
        body: JSON.stringify(step.body(ids)),
      });
    } catch {
      throw new Error(`cannot reach ${base}: start the service first (npm start)`);
    }
    const answer = (await res.json()) as { id?: string; messageId?: string; code?: string; detail?: string };
    if (!res.ok) throw new Error(`${step.say}: ${res.status} ${answer.code ?? ''} ${answer.detail ?? ''}`);
    if (step.keep && answer.id) ids[step.keep] = answer.id;
    if (step.keepMessage && answer.messageId) ids[step.keepMessage] = answer.messageId;
    say(`✓ ${step.say}`);
  }
  say(`Demo case: ${base}/api/v1/cases/${ids.caseId}`);
  const { accounts, password } = await ensureDemoAccounts(base, await mint('demo.setup', 'admin', 'VN-LS-BLO'));
  say(`Sign in at ${base} as one of these (Lạng Sơn), all with the password ${password}:`);
  for (const a of accounts) say(`  ${a.username.padEnd(16)} ${a.role}`);
  return { ...ids, demoPassword: password };
}
