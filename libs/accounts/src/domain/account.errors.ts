/** Stable, client-facing refusal codes of the Account aggregate. Messages never carry a password. */
export const AccountErrors = {
  NOT_FOUND: 'ACCOUNT.NOT_FOUND',
  ALREADY_EXISTS: 'ACCOUNT.ALREADY_EXISTS',
  INVALID_USERNAME: 'ACCOUNT.INVALID_USERNAME',
  INVALID_NAME: 'ACCOUNT.INVALID_NAME',
  INVALID_UNIT: 'ACCOUNT.INVALID_UNIT',
  INVALID_PROVINCE: 'ACCOUNT.INVALID_PROVINCE',
  INVALID_ROLE: 'ACCOUNT.INVALID_ROLE',
  INVALID_GATE: 'ACCOUNT.INVALID_GATE',
  ROLE_REQUIRED: 'ACCOUNT.ROLE_REQUIRED',
  GATES_REQUIRED: 'ACCOUNT.GATES_REQUIRED',
  LAST_ROLE: 'ACCOUNT.LAST_ROLE',
  SELF: 'ACCOUNT.SELF',
  /** Refused by the application, which alone sees passwords and the gate register. */
  WEAK_PASSWORD: 'ACCOUNT.WEAK_PASSWORD',
  UNKNOWN_GATE: 'ACCOUNT.UNKNOWN_GATE',
} as const;
export type AccountErrorCode = (typeof AccountErrors)[keyof typeof AccountErrors];
