/** Injection tokens for the security services, shared by the apps and the application layers. */
export const PERSONAL_DATA_CIPHER = Symbol('PERSONAL_DATA_CIPHER');
export const KEY_STORE = Symbol('KEY_STORE');
