import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import type { Database } from '../database';
import type { DB } from '../schema';
import { typeParsers } from '../type-parsers';
import { PgliteDialect } from './pglite-dialect';
import { lockDataDir } from './pglite-lock';

export interface OpenPgliteOptions {
  /** null keeps the database in memory (tests). */
  readonly dataDir: string | null;
  /** A dump made by `dumpDataDir()`, to start from (fast test databases). */
  readonly loadDataDir?: Blob;
  readonly acquireTimeoutMs?: number;
}

export async function openPglite(options: OpenPgliteOptions): Promise<Database> {
  const unlock = options.dataDir === null ? async () => {} : await lockDataDir(options.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir === null ? {} : { dataDir: options.dataDir }),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: typeParsers,
    });
  } catch (error) {
    await unlock();
    throw error;
  }
  const kysely = new Kysely<DB>({
    dialect: new PgliteDialect({ pglite, acquireTimeoutMs: options.acquireTimeoutMs }),
  });
  let closed = false;
  return {
    engine: 'pglite',
    kysely,
    async withSession(fn) {
      // PGlite has one session: the Kysely transaction the caller opens holds the dialect's lock,
      // and COPY runs on the same session inside it.
      return fn({
        kysely,
        async copyFrom(copySql, data) {
          const parts: string[] = [];
          for await (const chunk of data) parts.push(chunk);
          const sql = copySql.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'");
          await pglite.query(sql, [], { blob: new Blob(parts) });
        },
      });
    },
    async dump() {
      return (await pglite.dumpDataDir('none')) as Blob;
    },
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy();
      await pglite.close();
      await unlock();
    },
  };
}
