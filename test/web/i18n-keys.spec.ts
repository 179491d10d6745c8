import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every string the web app shows exists in Vietnamese, Chinese and English. The files come in
 * groups (shared: vi.json …; desktop.vi.json …; gate.vi.json …); within a group the three
 * languages have exactly the same keys, none empty and with the same {{placeholders}}; and no
 * key is defined by two groups, since an app merges the shared strings with its own.
 */
const DIR = join(import.meta.dirname, '../../apps/web/src/i18n');
const LANGUAGES = ['vi', 'zh-Hans', 'en'] as const;

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/** `vi.json` → group '', `gate.zh-Hans.json` → group 'gate'. */
function groups(): Map<string, Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, Map<string, string>>>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    const m = /^(?:([a-z-]+)\.)?(vi|zh-Hans|en)\.json$/.exec(file);
    if (!m) throw new Error(`${file}: name it <language>.json or <app>.<language>.json (vi, zh-Hans, en)`);
    const [, group = '', language] = m;
    const byLanguage = out.get(group) ?? new Map<string, Map<string, string>>();
    byLanguage.set(language, leaves(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Tree));
    out.set(group, byLanguage);
  }
  return out;
}

describe('the web app’s strings', () => {
  const all = groups();

  it('come as the shared group and one group per app', () => {
    expect([...all.keys()].sort()).toEqual(['', 'desktop', 'gate']);
  });

  describe.each([...all.keys()].map((g) => [g === '' ? 'shared' : g, g]))('%s', (_name, group) => {
    const byLanguage = all.get(group)!;
    const vi = byLanguage.get('vi')!;

    it('exist in all three languages', () => {
      expect([...byLanguage.keys()].sort()).toEqual([...LANGUAGES].sort());
    });

    it.each(LANGUAGES.filter((l) => l !== 'vi'))('has exactly the Vietnamese keys in %s', (language) => {
      const other = byLanguage.get(language)!;
      expect({ missing: [...vi.keys()].filter((k) => !other.has(k)) }).toEqual({ missing: [] });
      expect({ extra: [...other.keys()].filter((k) => !vi.has(k)) }).toEqual({ extra: [] });
    });

    it.each(LANGUAGES)('has no empty string in %s', (language) => {
      const empty = [...byLanguage.get(language)!].filter(([, text]) => text.trim() === '').map(([k]) => k);
      expect(empty).toEqual([]);
    });

    it.each(LANGUAGES.filter((l) => l !== 'vi'))(
      'keeps the placeholders of each Vietnamese string in %s',
      (language) => {
        const other = byLanguage.get(language)!;
        const differ = [...vi]
          .filter(([key, text]) => other.has(key) && placeholders(text).join() !== placeholders(other.get(key)!).join())
          .map(([key]) => key);
        expect(differ).toEqual([]);
      },
    );
  });

  it('never defines a key in two groups (an app merges the shared strings with its own)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [group, byLanguage] of all)
      for (const key of byLanguage.get('vi')!.keys()) {
        const top = key.split('.')[0];
        if (seen.has(top) && seen.get(top) !== group) twice.push(`${top} (${seen.get(top) || 'shared'} and ${group})`);
        seen.set(top, group);
      }
    expect([...new Set(twice)]).toEqual([]);
  });
});
