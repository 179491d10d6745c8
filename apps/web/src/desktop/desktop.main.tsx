import vi from '../i18n/desktop.vi.json';
import type { OtherLanguage } from '../i18n/i18n.setup';
import { startApp } from '../shell/app-root';
import { DesktopApp } from './desktop.app';

// Entry of `/` (apps/web/index.html). The desktop's own strings: Vietnamese bundled, the others
// fetched when chosen.
const OTHERS: Record<OtherLanguage, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-Hans': () => import('../i18n/desktop.zh-Hans.json'),
  en: () => import('../i18n/desktop.en.json'),
};

void startApp('desktop', { vi, load: (language) => OTHERS[language]() }, (me) => <DesktopApp me={me} />);
