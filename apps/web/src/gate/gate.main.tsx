import vi from '../i18n/gate.vi.json';
import type { OtherLanguage } from '../i18n/i18n.setup';
import { startApp } from '../shell/app-root';
import { GateApp } from './gate.app';

// Entry of `/gate` (apps/web/gate/index.html). The gate's own strings: Vietnamese bundled, the
// others fetched when chosen.
const OTHERS: Record<OtherLanguage, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-Hans': () => import('../i18n/gate.zh-Hans.json'),
  en: () => import('../i18n/gate.en.json'),
};

// Installable and reloadable offline: the worker precaches the app (gate.sw.mjs). Scope /gate, so
// it never sees the desktop app; a development server (no build) has no worker to register.
if ('serviceWorker' in navigator && import.meta.env.PROD)
  void navigator.serviceWorker.register('/gate-sw.js', { scope: '/gate' }).catch(() => undefined);

void startApp('gate', { vi, load: (language) => OTHERS[language]() }, (me) => <GateApp me={me} />);
