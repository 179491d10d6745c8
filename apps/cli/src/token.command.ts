import type { AppConfig } from '#config';
import { LocalSigningKey, mintToken } from '#security';
import { type ParsedArgs, many, one } from './cli-args.js';

export const TOKEN_USAGE =
  'npm run cli -- token --sub <user> --role <role> [--role <role>…] --unit <unit> --province <slug|*> [--gate <code>…] [--name <display name>] [--ttl <seconds>]';

/**
 * Mints a token signed with this instance's own key (the embedded default). Prints the token
 * alone on stdout so scripts can capture it: TOKEN=$(npm run -s cli -- token …).
 */
export async function tokenCommand(args: ParsedArgs, config: AppConfig): Promise<string> {
  if (config.auth.mode !== 'local')
    throw new Error('tokens come from the OIDC provider in this configuration (AUTH_JWKS_URL is set)');
  const sub = one(args, 'sub');
  const unit = one(args, 'unit');
  const province = one(args, 'province');
  const roles = many(args, 'role');
  if (!sub || !unit || !province || roles.length === 0) throw new Error(`usage: ${TOKEN_USAGE}`);
  const ttl = one(args, 'ttl');
  const key = await LocalSigningKey.loadOrCreate(config.dataDir);
  const name = one(args, 'name');
  const gates = many(args, 'gate');
  return mintToken(
    key,
    { sub, roles: roles as never, unit, province, ...(name ? { name } : {}), ...(gates.length > 0 ? { gates } : {}) },
    {
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      ttlSeconds: ttl ? Number(ttl) : config.auth.tokenTtlSeconds,
    },
  );
}
