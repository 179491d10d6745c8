import 'i18next';
import type desktop from './desktop.vi.json';
import type gate from './gate.vi.json';
import type shared from './vi.json';

// Keys are checked at compile time against the Vietnamese files (the reference language);
// test/web/i18n-keys.spec.ts checks that zh-Hans and en have exactly the same keys. One
// namespace for all: each app merges the shared strings with its own (i18n.setup.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof shared & typeof desktop & typeof gate };
    returnNull: false;
  }
}
