import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import type { DatabaseSession } from '../database';
import { unreachable } from '../errors';
import type { DB } from '../schema';
import { typeParsers } from '../type-parsers';

/**
 * A bulk session (`Database.withSession`: the registry import's COPY inside its transaction) on a
 * node-postgres connection of its own, not on the service's postgres.js pool: postgres.js never
 * settles a COPY FROM STDIN that the server rejects after the last row (porsager/postgres#1173,
 * unfixed in 3.4.x), so a bad file would hang the import and leave its transaction open.
 * pg-copy-streams reports the server's error and the connection is closed after it. ADR 0015.
 */
export async function withBulkSession<T>(
  url: string,
  applicationName: string,
  fn: (session: DatabaseSession) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    application_name: applicationName,
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        const parser = typeParsers[oid];
        if (parser && format !== 'binary') return parser;
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A connection lost mid-session must not crash the process; the session's next query reports it.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw unreachable(error);
  }
  const kysely = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: {
        connect: async () => ({ query: client.query.bind(client), release() {} }) as unknown as pg.PoolClient,
        end: async () => {},
      },
    }),
  });
  try {
    return await fn({
      kysely,
      async copyFrom(copySql, data) {
        await pipeline(Readable.from(data), client.query(copyFromStream(copySql)));
      },
    });
  } finally {
    await kysely.destroy();
    await client.end().catch(() => {});
  }
}
