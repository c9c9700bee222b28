import type { Kysely } from 'kysely';
import { type DatabaseTarget, describeDatabaseTarget } from './database-target';
import { openPglite } from './engines/open-pglite';
import { openPostgres } from './engines/open-postgres';
import type { DB } from './schema';

export type Engine = 'pglite' | 'postgres';

/** One database, whichever engine is behind it. */
export interface Database {
  readonly engine: Engine;
  readonly kysely: Kysely<DB>;
  /**
   * Runs `fn` on one connection of its own: `session.kysely` always uses that connection, and
   * `session.copyFrom` streams COPY data through it. Open a transaction on `session.kysely` and
   * call copyFrom inside it: the bulk load commits or rolls back with the rest (ADR 0011).
   */
  withSession<T>(fn: (session: DatabaseSession) => Promise<T>): Promise<T>;
  /** Embedded engine only: the whole data directory as a tarball. */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseSession {
  readonly kysely: Kysely<DB>;
  /**
   * Runs `COPY ... FROM STDIN` with the given data. The caller knows how many rows it wrote: the
   * COPY either takes them all or fails.
   */
  copyFrom(copySql: string, data: Iterable<string> | AsyncIterable<string>): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly poolSize?: number;
  readonly acquireTimeoutMs?: number;
  readonly applicationName?: string;
}

export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<Database> {
  switch (target.engine) {
    case 'pglite':
      return openPglite({ dataDir: target.dataDir, acquireTimeoutMs: options.acquireTimeoutMs });
    case 'postgres':
      return openPostgres({ url: target.url, poolSize: options.poolSize, applicationName: options.applicationName });
    default:
      return assertNever(target);
  }
}

export { describeDatabaseTarget };

function assertNever(value: never): never {
  throw new Error(`unexpected database target ${JSON.stringify(value)}`);
}
