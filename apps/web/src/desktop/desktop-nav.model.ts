import type { MeView } from '../api/api.views';

/** The desktop's screens: each with its path, the key of its name in src/i18n, and the acts that open it. */
export interface DesktopScreen {
  readonly path: string;
  readonly label:
    | 'nav.cases'
    | 'nav.deadlines'
    | 'nav.meetings'
    | 'nav.reports'
    | 'nav.statistics'
    | 'nav.audit'
    | 'nav.users'
    | 'register.nav';
  /** Shown when the person may do any of these acts (GET /me `may`, from docs/access.md). */
  readonly anyOf: readonly string[];
}

export const DESKTOP_SCREENS: readonly DesktopScreen[] = [
  { path: '/cases', label: 'nav.cases', anyOf: ['case.list'] },
  { path: '/deadlines', label: 'nav.deadlines', anyOf: ['deadlines.read'] },
  { path: '/meetings', label: 'nav.meetings', anyOf: ['meeting.read'] },
  { path: '/reports', label: 'nav.reports', anyOf: ['report.read'] },
  { path: '/statistics', label: 'nav.statistics', anyOf: ['statistics.read'] },
  { path: '/audit', label: 'nav.audit', anyOf: ['audit.read'] },
  { path: '/users', label: 'nav.users', anyOf: ['user.read', 'user.admin'] },
  // Everyone may read the register (reference.read), but the forms already show it where it is
  // needed: the screen is for those who operate the service and answer for the register.
  { path: '/reference', label: 'register.nav', anyOf: ['reference.admin', 'ops.read'] },
];

/** The screens this person may open; the api refuses the rest anyway, this only keeps menus honest. */
export const screensFor = (me: MeView): readonly DesktopScreen[] =>
  DESKTOP_SCREENS.filter((screen) => screen.anyOf.some((act) => me.may.includes(act)));

/** Whether the gate app is the place for this person (a border guard with gates). */
export const usesGateApp = (me: MeView): boolean => me.roles.includes('border_guard');
