import { assertNever } from '#shared-kernel';
import type { AccountEvent } from './account.events.js';
import type { AccountState } from './account.state.js';

/** Total and pure: an event that does not fit the current state leaves it as it is. */
export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  if (state.status === 'none') {
    if (event.type !== 'AccountCreated') return state;
    const { accountId, username, displayName, unit, province, gates, roles } = event.data;
    return { status: 'active', accountId, username, displayName, unit, province, gates, roles };
  }
  switch (event.type) {
    case 'AccountCreated':
    case 'PasswordChanged':
      return state;
    case 'RoleGranted':
      return state.roles.includes(event.data.role) ? state : { ...state, roles: [...state.roles, event.data.role] };
    case 'RoleRevoked':
      return { ...state, roles: state.roles.filter((r) => r !== event.data.role) };
    case 'GatesChanged':
      return { ...state, gates: event.data.gates };
    case 'AccountDisabled':
      return { ...state, status: 'disabled' };
    case 'AccountReenabled':
      return { ...state, status: 'active' };
    default:
      return assertNever(event);
  }
}
