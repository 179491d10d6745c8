/** A tiny argv reader: `--name value` pairs, repeatable flags collected in order. */
export interface ParsedArgs {
  readonly verb: string | undefined;
  readonly rest: readonly string[];
  readonly flags: ReadonlyMap<string, readonly string[]>;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const value =
        eq > 0 ? a.slice(eq + 1) : argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else positional.push(a);
  }
  return { verb: positional[0], rest: positional.slice(1), flags };
}

export const one = (args: ParsedArgs, name: string): string | undefined => args.flags.get(name)?.at(-1);
export const many = (args: ParsedArgs, name: string): readonly string[] =>
  args.flags.get(name)?.flatMap((v) => v.split(',')) ?? [];
