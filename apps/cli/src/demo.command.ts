import type { AppConfig } from '#config';
import type { ParsedArgs } from './cli-args.js';

export const DEMO_USAGE = 'npm run cli -- demo [--url http://127.0.0.1:3000]   (the service must be running)';

export async function demoCommand(_args: ParsedArgs, _config: AppConfig, _say: (line: string) => void): Promise<void> {
  throw new Error('demo: not yet available');
}
