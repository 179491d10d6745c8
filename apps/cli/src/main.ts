import 'reflect-metadata';
import { ConfigError, loadConfig } from '#config';
import { parseArgs } from './cli-args.js';
import { TOKEN_USAGE, tokenCommand } from './token.command.js';
import { DEMO_USAGE, demoCommand } from './demo.command.js';
import { PROJECTIONS_USAGE, projectionsCommand } from './projections.command.js';
import { readSecretLine } from './secret-input.js';
import { USER_USAGE, userCommand } from './user.command.js';
import { CHECKPOINT_USAGE, VERIFY_USAGE, checkpointCommand, verifyCommand } from './integrity.command.js';
import {
  BACKUP_USAGE,
  ERASURES_USAGE,
  RESTORE_USAGE,
  backupCommand,
  erasuresCommand,
  restoreCommand,
} from './backup.command.js';

const USAGE = [
  'Usage:',
  `  ${TOKEN_USAGE}`,
  `  ${DEMO_USAGE}`,
  `  ${PROJECTIONS_USAGE}`,
  `  ${USER_USAGE}`,
  `  ${VERIFY_USAGE}`,
  `  ${CHECKPOINT_USAGE}`,
  `  ${BACKUP_USAGE}`,
  `  ${RESTORE_USAGE}`,
  `  ${ERASURES_USAGE}`,
].join('\n');

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const config = loadConfig();
  const io = {
    say: (line: string) => process.stderr.write(`${line}\n`),
    out: (line: string) => process.stdout.write(`${line}\n`),
  };
  switch (args.verb) {
    case 'token':
      process.stdout.write(`${await tokenCommand(args, config)}\n`);
      return 0;
    case 'demo':
      await demoCommand(args, config, (line) => process.stderr.write(`${line}\n`));
      return 0;
    case 'projections':
      return projectionsCommand(args, config, (line) => process.stderr.write(`${line}\n`));
    case 'user':
      return userCommand(args, config, {
        say: (line) => process.stderr.write(`${line}\n`),
        out: (line) => process.stdout.write(`${line}\n`),
        readPassword: () => readSecretLine(process.stdin, (text) => process.stderr.write(text)),
      });
    case 'verify':
      return verifyCommand(args, config, io);
    case 'checkpoint':
      return checkpointCommand(args, config, io);
    case 'backup':
      return backupCommand(args, config, io);
    case 'restore':
      return restoreCommand(args, config, io);
    case 'erasures':
      return erasuresCommand(args, config, io);
    case undefined:
    default:
      process.stderr.write(`${USAGE}\n`);
      return args.verb === undefined || args.verb === 'help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
