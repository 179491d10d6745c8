import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES } from '#shared-kernel';
import { ACCESS, ACTS } from './access.policy.js';

/** docs/access.md shows the access table to people; it must say what the code does. */
describe('docs/access.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../../../docs/access.md'), 'utf8');
  const header = ['act', 'kind', ...ROLES.filter((r) => r !== 'admin'), 'admin'];

  it('has one row per act, with every cell as the table in the code has it', () => {
    const rows = doc
      .split('\n')
      .filter((line) => /^\|\s*[a-z_.]+\s*\|\s*(read|write)\s*\|/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );
    const columns = doc
      .split('\n')
      .find((line) => /^\|\s*act\s*\|/.test(line))
      ?.split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    expect([...(columns ?? [])].sort()).toEqual([...header].sort());
    const shown = (scope: string | undefined): string =>
      scope === undefined ? '—' : scope === 'global' ? 'all' : scope;
    const expected = ACTS.map((act) => {
      const roles = ACCESS[act].roles as Record<string, string | undefined>;
      return columns!.map((col) => (col === 'act' ? act : col === 'kind' ? ACCESS[act].kind : shown(roles[col])));
    });
    expect(rows).toEqual(expected);
  });
});
