import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n as I18n } from 'i18next';
import { ApiRefusal } from '../../apps/web/src/api/api.refusal.js';

const WEB = join(import.meta.dirname, '../../apps/web/src');
const I18N = join(WEB, 'i18n');

/**
 * Loaded by path: refusal.text.ts imports the bundler's way (no extension), which the Node
 * type check of test/ cannot follow; jest resolves it at run time all the same.
 */
const { refusalText } = (await import(join(WEB, 'api/refusal.text.ts'))) as {
  refusalText: (i18n: I18n, refusal: unknown) => string;
};
type Group = Record<string, Record<string, string> | string>;
type Strings = { problem: Group; refusal?: Group };
const read = (file: string): Strings => JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Strings;
const vi = read('vi.json');
const zh = read('zh-Hans.json');
const desktopVi = read('desktop.vi.json');
const sentence = (strings: Strings, group: string, key: string, top: 'problem' | 'refusal' = 'problem'): string =>
  (strings[top]![group] as Record<string, string>)[key];

/**
 * Strings in an instance set up as i18n.setup.ts does (no DOM, no React): the shared ones, as
 * the gate app has them, or with the desktop's own on top.
 */
async function strings(language: 'vi' | 'zh-Hans', app: 'gate' | 'desktop' = 'gate'): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: {
      vi: { translation: app === 'desktop' ? { ...vi, ...desktopVi } : vi },
      'zh-Hans': { translation: zh },
    },
    lng: language,
    fallbackLng: 'vi',
    load: 'currentOnly',
    interpolation: { escapeValue: false },
  });
  return instance;
}

describe('a refusal in words', () => {
  it('uses the sentence of its code rather than the one of its status', async () => {
    const i18n = await strings('vi');
    const text = refusalText(i18n, new ApiRefusal(409, 'HANDOVER.ALREADY_CONDUCTED'));
    expect(text).toBe(sentence(vi, 'HANDOVER', 'ALREADY_CONDUCTED'));
    expect(text).not.toBe(sentence(vi, 'status', '409'));
  });

  it('finds on the desktop the sentences only desktop screens need, which the gate does without', async () => {
    const closed = new ApiRefusal(409, 'CASE.CLOSED');
    const desktop = await strings('vi', 'desktop');
    expect(refusalText(desktop, closed)).toBe(sentence(desktopVi, 'CASE', 'CLOSED', 'refusal'));
    expect(refusalText(desktop, new ApiRefusal(409, 'HANDOVER.CANCELLED'))).toBe(sentence(vi, 'HANDOVER', 'CANCELLED'));
    expect(refusalText(await strings('vi'), closed)).toBe(sentence(vi, 'status', '409'));
  });

  it('uses the sentence of its status when the code has none', async () => {
    const i18n = await strings('vi');
    expect(refusalText(i18n, new ApiRefusal(409, 'CASE.NO_SUCH_CODE'))).toBe(sentence(vi, 'status', '409'));
    expect(refusalText(i18n, new ApiRefusal(404, undefined))).toBe(sentence(vi, 'status', '404'));
  });

  it('never takes a group of sentences for a sentence', async () => {
    const i18n = await strings('vi');
    expect(refusalText(i18n, new ApiRefusal(403, 'AUTH'))).toBe(sentence(vi, 'status', '403'));
  });

  it('speaks the reader’s language and fills in the wait', async () => {
    const i18n = await strings('zh-Hans');
    expect(refusalText(i18n, new ApiRefusal(409, 'HANDOVER.NOT_CONDUCTED'))).toBe(
      sentence(zh, 'HANDOVER', 'NOT_CONDUCTED'),
    );
    expect(refusalText(i18n, new ApiRefusal(429, 'AUTH.TOO_MANY_ATTEMPTS', [], 42))).toContain('42');
  });

  it('says there was no answer, or that something went wrong, without a status', async () => {
    const i18n = await strings('vi');
    expect(refusalText(i18n, new ApiRefusal(0, undefined))).toBe(vi.problem.network);
    expect(refusalText(i18n, new Error('boom'))).toBe(vi.problem.unknown);
  });
});
