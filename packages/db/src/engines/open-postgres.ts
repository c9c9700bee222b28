import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import type { Database } from '../database';
import { DatabaseError } from '../errors';
import type { DB } from '../schema';
import { typeParsers } from '../type-parsers';
import { withPreparedStatements } from './prepared-statements';

export interface OpenPostgresOptions {
  readonly url: string;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

export async function openPostgres(options: OpenPostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'madoguchi',
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        const parser = typeParsers[oid];
        if (parser && format !== 'binary') return parser;
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new DatabaseError('DATABASE_UNREACHABLE', `cannot connect to the PostgreSQL server: ${safeReason(error)}`);
  }
  const prepared = {
    connect: async () => withPreparedStatements(await pool.connect()),
    end: () => pool.end(),
  } as unknown as pg.Pool;
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool: prepared }) });
  let closed = false;
  return {
    engine: 'postgres',
    kysely,
    async withSession(fn) {
      const client = withPreparedStatements(await pool.connect());
      // A Kysely of its own over this one client: release() is a no-op until the session ends.
      const pinned = { query: client.query.bind(client), release() {} };
      const sessionKysely = new Kysely<DB>({
        dialect: new PostgresDialect({
          pool: { connect: async () => pinned as unknown as pg.PoolClient, end: async () => {} },
        }),
      });
      let broken = false;
      try {
        return await fn({
          kysely: sessionKysely,
          async copyFrom(copySql, data) {
            const stream = client.query(copyFromStream(copySql));
            try {
              await pipeline(Readable.from(data), stream);
            } catch (error) {
              broken = true;
              throw error;
            }
            return Number(stream.rowCount ?? 0);
          },
        });
      } finally {
        await sessionKysely.destroy();
        client.release(broken);
      }
    },
    async dump() {
      throw new Error('dump() is only available on the embedded engine');
    },
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy();
    },
  };
}

/** The driver's message without anything that could carry the connection string. */
function safeReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code
    ? `${code}: ${message.replace(/postgres(ql)?:\/\/\S+/g, '<url>')}`
    : message.replace(/postgres(ql)?:\/\/\S+/g, '<url>');
}
