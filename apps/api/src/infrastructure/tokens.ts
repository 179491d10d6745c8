export { SQL_CLIENT } from '#event-store';
export { KEY_STORE, PERSONAL_DATA_CIPHER } from '#security';
