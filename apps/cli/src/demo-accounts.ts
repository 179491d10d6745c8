import { randomBytes } from 'node:crypto';
import type { Role } from '#shared-kernel';

/** One sign-in per role in the demo province, so a newcomer can see what each role sees. */
const DEMO_ACCOUNTS: readonly { username: string; name: string; role: Role; unit: string; gates?: string[] }[] = [
  { username: 'demo.officer', name: 'Nguyễn Thị Hoa', role: 'liaison_officer', unit: 'VN-LS-BLO' },
  { username: 'demo.supervisor', name: 'Trần Văn Bình', role: 'supervisor', unit: 'VN-LS-BLO' },
  {
    username: 'demo.guard',
    name: 'Hoàng Văn Đức',
    role: 'border_guard',
    unit: 'VN-LS-BP-HUUNGHI',
    gates: ['HUU_NGHI'],
  },
  { username: 'demo.auditor', name: 'Lê Thị Thanh', role: 'auditor', unit: 'VN-LS-TTR' },
  { username: 'demo.admin', name: 'Phạm Minh Quân', role: 'admin', unit: 'VN-LS-BLO' },
];

export interface DemoAccount {
  readonly username: string;
  readonly role: Role;
}

/**
 * Creates the demo accounts through the running service (an administrator's token), or gives an
 * existing one a new password, and returns the one generated password they all share this run:
 * printed once to the person who ran the demo, never stored anywhere else.
 */
export async function ensureDemoAccounts(
  base: string,
  adminToken: string,
): Promise<{ accounts: DemoAccount[]; password: string }> {
  const password = `demo-${randomBytes(12).toString('base64url')}`;
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  for (const a of DEMO_ACCOUNTS) {
    const body = {
      username: a.username,
      name: a.name,
      roles: [a.role],
      unit: a.unit,
      province: 'lang-son',
      gates: a.gates ?? [],
      password,
    };
    const created = await fetch(`${base}/api/v1/users`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (created.status === 201) continue;
    if (created.status !== 409)
      throw new Error(`demo account ${a.username}: ${created.status} ${await created.text()}`);
    // Run twice: the account is there; a fresh password is the only way to print a usable one.
    const reset = await fetch(`${base}/api/v1/users/${a.username}/password`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ password }),
    });
    if (!reset.ok) throw new Error(`demo account ${a.username}: ${reset.status} ${await reset.text()}`);
  }
  return { accounts: DEMO_ACCOUNTS.map(({ username, role }) => ({ username, role })), password };
}
