import type { AccountChange, AccountView } from '#accounts/application';
import type { AppConfig } from '#config';
import { ROLES, type Role } from '#shared-kernel';
import { type ParsedArgs, many, one } from './cli-args.js';
import { directBackend, httpBackend, type UserBackend } from './user-backends.js';

export const USER_USAGE = [
  'npm run cli -- user add --username <name> --name <display name> --role <role> [--role …] --unit <unit> --province <slug|*> [--gate <code>…]   (password: one line on standard input)',
  '  user list | user disable <username> [--reason <text>] | user enable <username>',
  '  user passwd <username>   (password on standard input) | user roles <username> [--grant <role>…] [--revoke <role>…] | user gates <username> --gate <code>…',
  '  [--url http://127.0.0.1:3000] [--token <admin JWT>]',
].join('\n');

export interface UserCommandIo {
  /** Messages for the operator (stderr). */
  readonly say: (line: string) => void;
  /** Results a script may capture (stdout). */
  readonly out: (line: string) => void;
  readonly readPassword: () => Promise<string>;
}

const roleList = (values: readonly string[]): Role[] => {
  const unknown = values.filter((v) => !(ROLES as readonly string[]).includes(v));
  if (unknown.length > 0) throw new Error(`unknown role(s) ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  return values as Role[];
};

const MIN_PASSWORD = 12;

async function password(io: UserCommandIo): Promise<string> {
  const typed = await io.readPassword();
  if ([...typed.normalize('NFC')].length < MIN_PASSWORD)
    throw new Error(`the password on standard input must have at least ${MIN_PASSWORD} characters`);
  return typed;
}

/**
 * Local accounts from the command line.
 * - Embedded PGlite: the running service owns the data directory (PGlite is one process's), so
 *   the CLI asks it over HTTP with an administrator token minted from the instance's own key,
 *   exactly like `projections` and `demo`; start the service first. Opening the directory while
 *   the service may hold it would risk the data, so the CLI never does.
 * - PostgreSQL (or KurrentDB with PostgreSQL): the CLI writes directly, through the same account
 *   service the api uses; the running service sees the change at once (sessions and hashes are
 *   in the shared database). With --url it goes over HTTP instead.
 * Changes are recorded as made by `cli:<operating-system user>`.
 */
export async function userCommand(args: ParsedArgs, config: AppConfig, io: UserCommandIo): Promise<number> {
  const [action, username] = args.rest;
  const url = one(args, 'url');
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const run = async (work: (backend: UserBackend) => Promise<void>): Promise<number> => {
    const backend =
      config.eventStore !== 'pglite' && url === undefined
        ? await directBackend(config)
        : await httpBackend(url ?? `http://${host}:${config.port}`, config, one(args, 'token'));
    try {
      await work(backend);
      return 0;
    } finally {
      await backend.close();
    }
  };
  const needName = (): string => username ?? usage();
  const change = (c: AccountChange, said: string) =>
    run(async (b) => {
      await b.change(needName(), c);
      io.say(said);
    });

  switch (action) {
    case 'add': {
      const name = one(args, 'username');
      const displayName = one(args, 'name');
      const unit = one(args, 'unit');
      const province = one(args, 'province');
      const roles = roleList(many(args, 'role'));
      if (!name || !displayName || !unit || !province || roles.length === 0) return usage();
      const secret = await password(io);
      return run(async (b) => {
        await b.create({
          username: name,
          displayName,
          unit,
          province,
          roles,
          gates: many(args, 'gate'),
          password: secret,
        });
        io.say(`account ${name.trim().toLowerCase()} created (${roles.join(', ')}, ${unit}, ${province})`);
      });
    }
    case 'list':
      return run(async (b) => {
        for (const a of await b.list()) io.out(line(a));
      });
    case 'disable': {
      const reason = one(args, 'reason');
      return change(
        { type: 'DisableAccount', data: reason ? { reason } : {} },
        `account ${needName()} disabled; its sessions ended`,
      );
    }
    case 'enable':
      return change({ type: 'EnableAccount', data: {} }, `account ${needName()} enabled`);
    case 'roles': {
      const grant = roleList(many(args, 'grant'));
      const revoke = roleList(many(args, 'revoke'));
      if (grant.length + revoke.length === 0) return usage();
      return change(
        { type: 'ChangeRoles', data: { grant, revoke } },
        `roles of ${needName()} changed; its sessions ended`,
      );
    }
    case 'gates':
      return change({ type: 'ChangeGates', data: { gates: many(args, 'gate') } }, `gates of ${needName()} changed`);
    case 'passwd': {
      const account = needName();
      const secret = await password(io);
      return run(async (b) => {
        await b.setPassword(account, secret);
        io.say(`password of ${account} changed; its sessions ended`);
      });
    }
    default:
      return usage();
  }
}

function usage(): never {
  throw new Error(`usage: ${USER_USAGE}`);
}

/** One account per line, tab-separated, for people and for `cut`. */
function line(a: AccountView): string {
  const gates = a.gates.length > 0 ? a.gates.join(',') : '-';
  return [a.username, a.disabled ? 'disabled' : 'active', a.roles.join(','), a.unit, a.province, gates, a.name].join(
    '\t',
  );
}
