import path from 'node:path';
import { DatabaseError } from './errors';

/** Where the data lives: an embedded PGlite directory (or memory), or a PostgreSQL server. */
export type DatabaseTarget =
  | { readonly engine: 'pglite'; readonly dataDir: string | null }
  | { readonly engine: 'postgres'; readonly url: string };

export interface DatabaseTargetOptions {
  readonly dataDir?: string | undefined;
  readonly databaseUrl?: string | undefined;
}

export const DEFAULT_DATA_DIR = '.madoguchi/db';

/**
 * Flags win over the environment; a URL wins over a directory at the same level.
 * Giving both flags at once is a mistake we refuse rather than guess at.
 */
export function resolveDatabaseTarget(
  options: DatabaseTargetOptions,
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): DatabaseTarget {
  if (options.dataDir && options.databaseUrl) {
    throw new DatabaseError(
      'DATABASE_TARGET_CONFLICT',
      'give either --data-dir (embedded database) or --database-url (PostgreSQL server), not both',
    );
  }
  if (options.databaseUrl) return postgresTarget(options.databaseUrl);
  if (options.dataDir) return { engine: 'pglite', dataDir: path.resolve(cwd, options.dataDir) };
  if (env.DATABASE_URL) return postgresTarget(env.DATABASE_URL);
  return { engine: 'pglite', dataDir: path.resolve(cwd, env.MADOGUCHI_DATA_DIR || DEFAULT_DATA_DIR) };
}

function postgresTarget(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseError(
      'DATABASE_UNREACHABLE',
      'the database URL is not a valid URL (expected postgres://user@host:port/database)',
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseError(
      'DATABASE_UNREACHABLE',
      `the database URL must start with postgres:// (got ${parsed.protocol}//)`,
    );
  }
  return { engine: 'postgres', url };
}

/** A description that is safe to print and log: never the password. */
export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.engine === 'pglite') {
    return target.dataDir === null ? 'embedded PGlite (in memory)' : `embedded PGlite at ${target.dataDir}`;
  }
  const url = new URL(target.url);
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return `PostgreSQL ${user}${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}
