import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { Mutex } from '../mutex';
import { beginStatement, PostgresFamilyDialect, PostgresFamilyDriver } from './postgres-family';

export interface PgliteDialectConfig {
  readonly pglite: PGlite;
  /** How long a caller waits for the single connection before failing loudly. */
  readonly acquireTimeoutMs?: number;
}

/**
 * Kysely dialect for PGlite. PGlite is one PostgreSQL backend with one session, so the
 * driver hands out that session to one holder at a time (see Mutex): Kysely holds a
 * connection for the whole of a transaction, so two concurrent transactions queue
 * instead of interleaving their statements in one session. See docs/adr/0003.
 */
export class PgliteDialect extends PostgresFamilyDialect {
  readonly #config: PgliteDialectConfig;

  constructor(config: PgliteDialectConfig) {
    super();
    this.#config = config;
  }

  createDriver(): Driver {
    return new PgliteDriver(this.#config);
  }
}

class PgliteDriver extends PostgresFamilyDriver {
  readonly #config: PgliteDialectConfig;
  readonly #mutex = new Mutex();
  readonly #connection: PgliteConnection;
  readonly #releases = new Map<DatabaseConnection, () => void>();

  constructor(config: PgliteDialectConfig) {
    super();
    this.#config = config;
    this.#connection = new PgliteConnection(config.pglite);
  }

  async init(): Promise<void> {
    await this.#config.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.acquire(this.#config.acquireTimeoutMs ?? 60_000);
    this.#releases.set(this.#connection, release);
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(beginStatement(settings)));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
  }

  async destroy(): Promise<void> {
    // The PGlite instance belongs to openDatabase(), which closes it.
  }
}

class PgliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    // Like `pg`, a query without parameters goes through the simple protocol, which also
    // runs a multi-statement script (migrations); a query with parameters is prepared.
    if (compiledQuery.parameters.length === 0) {
      const results = await this.#pglite.exec(compiledQuery.sql);
      const last = results.at(-1);
      return {
        rows: (last?.rows ?? []) as R[],
        numAffectedRows: last?.affectedRows === undefined ? undefined : BigInt(last.affectedRows),
      };
    }
    const result = await this.#pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  /** PGlite has no server-side cursor here: the whole result is one chunk. */
  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(compiledQuery);
  }
}
