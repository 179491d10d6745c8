import type { CommandMeta, Role } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { AccountCommand, CreateAccount } from './account.commands.js';
import { accountDecider } from './account.decider.js';
import { AccountErrors } from './account.errors.js';
import type { AccountCreated, AccountEvent } from './account.events.js';

const admin: CommandMeta = {
  actor: { userId: 'quan.tri', role: 'admin', unitId: 'VN-LS-BLO', province: 'lang-son' },
  now: new Date('2026-03-05T02:00:00Z'),
};
const accountId = '0a6b3d1e-7c2f-5e4a-8b9c-1d2e3f4a5b6c';

const spec = deciderSpec(accountDecider);
const cmd = <T extends AccountCommand['type']>(
  type: T,
  data: Extract<AccountCommand, { type: T }>['data'],
  meta: CommandMeta = admin,
): AccountCommand => ({ type, data, meta }) as AccountCommand;

const hoa: CreateAccount['data'] = {
  accountId,
  username: 'hoa.nguyen',
  displayName: 'Nguyễn Thị Hoa',
  unit: 'VN-LS-BLO',
  province: 'lang-son',
  gates: [],
  roles: ['liaison_officer'],
};
const created = (over: Partial<AccountCreated['data']> = {}): AccountEvent => ({
  type: 'AccountCreated',
  data: { ...hoa, province: 'lang-son', ...over },
});
const guard = (): AccountEvent =>
  created({ username: 'tuan.le', displayName: 'Lê Văn Tuấn', roles: ['border_guard'], gates: ['HUU_NGHI'] });
const disabled: AccountEvent = { type: 'AccountDisabled', data: { accountId, reason: null } };

describe('Account decider', () => {
  describe('CreateAccount', () => {
    it('creates an active account with its roles, unit, province and gates', () => {
      const state = spec.given([]).when(cmd('CreateAccount', hoa)).then([created()]);
      expect(state).toMatchObject({ status: 'active', username: 'hoa.nguyen', roles: ['liaison_officer'] });
    });

    it('keeps a national unit, with deduplicated roles', () => {
      spec
        .given([])
        .when(cmd('CreateAccount', { ...hoa, province: '*', roles: ['auditor', 'auditor'] }))
        .then([created({ province: '*', roles: ['auditor'] })]);
    });

    it('keeps a guard with deduplicated gates', () => {
      spec
        .given([])
        .when(cmd('CreateAccount', { ...hoa, roles: ['border_guard'], gates: ['HUU_NGHI', 'HUU_NGHI', 'TAN_THANH'] }))
        .then([created({ roles: ['border_guard'], gates: ['HUU_NGHI', 'TAN_THANH'] })]);
    });

    it('refuses a second account of the same name', () => {
      spec.given([created()]).when(cmd('CreateAccount', hoa)).thenRefuses(AccountErrors.ALREADY_EXISTS);
    });

    it.each([
      ['an upper-case name', { username: 'Hoa' }, AccountErrors.INVALID_USERNAME],
      ['a UUID-shaped name', { username: '0190aaaa-0000-7000-8000-000000000000' }, AccountErrors.INVALID_USERNAME],
      ['a one-letter name', { username: 'h' }, AccountErrors.INVALID_USERNAME],
      ['a blank display name', { displayName: '  ' }, AccountErrors.INVALID_NAME],
      ['a display name of 201 characters', { displayName: 'x'.repeat(201) }, AccountErrors.INVALID_NAME],
      ['a malformed unit', { unit: 'blo lang son' }, AccountErrors.INVALID_UNIT],
      ['a province before the merger', { province: 'ha-giang' }, AccountErrors.INVALID_PROVINCE],
      ['no role', { roles: [] }, AccountErrors.ROLE_REQUIRED],
      ['an unknown role', { roles: ['chief' as Role] }, AccountErrors.INVALID_ROLE],
      ['a malformed gate', { gates: ['huu nghi'] }, AccountErrors.INVALID_GATE],
      ['a border guard without a gate', { roles: ['border_guard'] as Role[] }, AccountErrors.GATES_REQUIRED],
    ])('refuses %s', (_label, over, code) => {
      spec
        .given([])
        .when(cmd('CreateAccount', { ...hoa, ...over }))
        .thenRefuses(code);
    });
  });

  describe('ChangeRoles', () => {
    it('grants and revokes in one change, revocations after grants', () => {
      const state = spec
        .given([created()])
        .when(cmd('ChangeRoles', { grant: ['supervisor', 'auditor'], revoke: ['liaison_officer', 'auditor'] }))
        .then([
          { type: 'RoleGranted', data: { accountId, role: 'supervisor' } },
          { type: 'RoleRevoked', data: { accountId, role: 'liaison_officer' } },
        ]);
      expect(state.status !== 'none' && state.roles).toEqual(['supervisor']);
    });

    it('records nothing when the roles are already as asked', () => {
      spec
        .given([created()])
        .when(cmd('ChangeRoles', { grant: ['liaison_officer'], revoke: ['admin'] }))
        .thenNothingHappened();
    });

    it('refuses to leave an account without a role', () => {
      spec
        .given([created()])
        .when(cmd('ChangeRoles', { grant: [], revoke: ['liaison_officer'] }))
        .thenRefuses(AccountErrors.LAST_ROLE);
    });

    it('refuses the border guard role to an account without a gate', () => {
      spec
        .given([created()])
        .when(cmd('ChangeRoles', { grant: ['border_guard'], revoke: [] }))
        .thenRefuses(AccountErrors.GATES_REQUIRED);
    });

    const quanTri = () => created({ username: 'quan.tri', roles: ['admin', 'auditor'] });
    const revokeAdmin = { grant: [], revoke: ['admin'] as Role[] };

    it('refuses an administrator taking their own administrator role away', () => {
      spec.given([quanTri()]).when(cmd('ChangeRoles', revokeAdmin)).thenRefuses(AccountErrors.SELF);
    });

    it('lets another administrator take that role away', () => {
      const other = { ...admin, actor: { ...admin.actor, userId: 'cli:root' } };
      spec
        .given([quanTri()])
        .when(cmd('ChangeRoles', revokeAdmin, other))
        .then([{ type: 'RoleRevoked', data: { accountId, role: 'admin' } }]);
    });

    it('refuses an unknown role', () => {
      spec
        .given([created()])
        .when(cmd('ChangeRoles', { grant: ['root' as Role], revoke: [] }))
        .thenRefuses(AccountErrors.INVALID_ROLE);
    });

    it('refuses a missing account', () => {
      spec
        .given([])
        .when(cmd('ChangeRoles', { grant: ['auditor'], revoke: [] }))
        .thenRefuses(AccountErrors.NOT_FOUND);
    });
  });

  describe('ChangeGates', () => {
    it('replaces the gates a guard serves', () => {
      spec
        .given([guard()])
        .when(cmd('ChangeGates', { gates: ['CHI_MA', 'HUU_NGHI'] }))
        .then([{ type: 'GatesChanged', data: { accountId, gates: ['CHI_MA', 'HUU_NGHI'] } }]);
    });

    it('records nothing for the same set of gates', () => {
      spec
        .given([guard()])
        .when(cmd('ChangeGates', { gates: ['HUU_NGHI'] }))
        .thenNothingHappened();
    });

    it('refuses to leave a guard without a gate', () => {
      spec
        .given([guard()])
        .when(cmd('ChangeGates', { gates: [] }))
        .thenRefuses(AccountErrors.GATES_REQUIRED);
    });

    it('refuses a malformed gate', () => {
      spec
        .given([guard()])
        .when(cmd('ChangeGates', { gates: ['hữu nghị'] }))
        .thenRefuses(AccountErrors.INVALID_GATE);
    });
  });

  describe('DisableAccount and EnableAccount', () => {
    it('disables with a reason', () => {
      const off = spec
        .given([created()])
        .when(cmd('DisableAccount', { reason: ' chuyển công tác ' }))
        .then([{ type: 'AccountDisabled', data: { accountId, reason: 'chuyển công tác' } }]);
      expect(off.status).toBe('disabled');
    });

    it('re-enables with the same roles', () => {
      const on = spec
        .given([created(), disabled])
        .when(cmd('EnableAccount', {}))
        .then([{ type: 'AccountReenabled', data: { accountId } }]);
      expect(on).toMatchObject({ status: 'active', roles: ['liaison_officer'] });
    });

    it('records nothing when disabling a disabled account', () => {
      spec.given([created(), disabled]).when(cmd('DisableAccount', {})).thenNothingHappened();
    });

    it('records nothing when enabling an active account', () => {
      spec.given([created()]).when(cmd('EnableAccount', {})).thenNothingHappened();
    });

    it('refuses an administrator disabling their own account', () => {
      const self = { ...admin, actor: { ...admin.actor, userId: 'hoa.nguyen' } };
      spec
        .given([created()])
        .when(cmd('DisableAccount', {}, self))
        .thenRefuses(AccountErrors.SELF);
    });

    it('refuses to enable a missing account', () => {
      spec.given([]).when(cmd('EnableAccount', {})).thenRefuses(AccountErrors.NOT_FOUND);
    });
  });

  describe('ChangePassword', () => {
    it('records that the password changed, even on a disabled account, and nothing of it', () => {
      const events = spec
        .given([created(), disabled])
        .when(cmd('ChangePassword', {}))
        .then([{ type: 'PasswordChanged', data: { accountId } }], { stateNeutral: ['PasswordChanged'] });
      expect(events.status).toBe('disabled');
    });

    it('refuses a missing account', () => {
      spec.given([]).when(cmd('ChangePassword', {})).thenRefuses(AccountErrors.NOT_FOUND);
    });
  });
});
