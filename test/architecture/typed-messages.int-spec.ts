import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, Query } from '@nestjs/cqrs';

/**
 * Every message sent on a bus names what it answers (`extends Command<R>` / `Query<R>`), so that
 * `commandBus.execute(message)` is typed by the compiler instead of returning `any`. Found by
 * name in each context's application index, so a new context or message is checked too.
 */
const LIBS = join(import.meta.dirname, '../../libs');

async function busMessages(): Promise<[string, unknown][]> {
  const out: [string, unknown][] = [];
  for (const lib of readdirSync(LIBS)) {
    for (const entry of [join(LIBS, lib, 'src/application/index.ts'), join(LIBS, lib, 'src/index.ts')]) {
      let mod: Record<string, unknown>;
      try {
        mod = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module/.test(String(error)))
          continue;
        throw error;
      }
      for (const [name, value] of Object.entries(mod))
        if (typeof value === 'function' && /^[A-Z]\w*(Message|Query)$/.test(name)) out.push([`${lib}: ${name}`, value]);
    }
  }
  return out;
}

describe('messages on the command and query buses', () => {
  it('are found (the discovery itself works)', async () => {
    const names = (await busMessages()).map(([n]) => n);
    expect(names).toEqual(expect.arrayContaining(['cases: CloseCaseMessage', 'integrity: CaseIntegrityQuery']));
  });

  it('each extend Command<R> (…Message) or Query<R> (…Query)', async () => {
    const untyped = (await busMessages())
      .filter(([name, cls]) => {
        const base = name.endsWith('Message') ? Command : Query;
        return !((cls as { prototype: unknown }).prototype instanceof base);
      })
      .map(([name]) => name);
    expect(untyped).toEqual([]);
  });
});
