import { Kysely } from 'kysely';
import postgres from 'postgres';
import type { Database } from '../database';
import { unreachable } from '../errors';
import type { DB } from '../schema';
import { withBulkSession } from './postgres-bulk-session';
import { PostgresJsDialect } from './postgres-js-dialect';
import { postgresJsTypes } from './postgres-js-types';
import { postgresJsConnection } from './postgres-url';

export interface OpenPostgresOptions {
  readonly url: string;
  readonly poolSize?: number;
  readonly applicationName?: string;
}

/**
 * Connections to the PostgreSQL server per process. Few, because statements are pipelined: with
 * more, statements spread over more connections, each waking its own backend, and the same work
 * costs more CPU (submissions benchmark: 4 connections 1,034–1,367/s, 10 connections 808–1,093/s in
 * the same hours; docs/performance.md). `serve --db-pool-size` changes it.
 */
export const DEFAULT_POOL_SIZE = 4;

/** How long a connection may stay unused before the pool closes it (node-postgres's default). */
const IDLE_TIMEOUT_SECONDS = 10;
const CONNECT_TIMEOUT_SECONDS = 10;

export async function openPostgres(options: OpenPostgresOptions): Promise<Database> {
  const applicationName = options.applicationName ?? 'madoguchi';
  const connection = postgresJsConnection(options.url);
  const pool = postgres(connection.url, {
    ...(connection.path ? { path: connection.path } : {}),
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    idle_timeout: IDLE_TIMEOUT_SECONDS,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    connection: { application_name: applicationName },
    types: postgresJsTypes,
    // node-postgres sent undefined as NULL; Kysely leaves an undefined value to the driver.
    transform: { undefined: null },
    // The server's notices (e.g. "relation already exists, skipping") are not the service's log.
    onnotice: () => {},
  });
  try {
    await pool.unsafe('select 1');
  } catch (error) {
    await pool.end({ timeout: 0 });
    throw unreachable(error);
  }
  const kysely = new Kysely<DB>({ dialect: new PostgresJsDialect({ sql: pool }) });
  let closed = false;
  return {
    engine: 'postgres',
    kysely,
    withSession: (fn) => withBulkSession(options.url, applicationName, fn),
    async dump() {
      throw new Error('dump() is only available on the embedded engine');
    },
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy();
      await pool.end({ timeout: 5 });
    },
  };
}
