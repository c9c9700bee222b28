import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from 'kysely';
import type postgres from 'postgres';
import { beginStatement, PostgresFamilyDialect, PostgresFamilyDriver } from './postgres-family';
import { preparable } from './prepared-statements';

/**
 * Kysely dialect for the PostgreSQL server over postgres.js (ADR 0015).
 *
 * A statement outside a transaction goes to the pool as it is: postgres.js writes the statements
 * queued for one connection down it together (pipelining), so under load a database backend wakes
 * once for several statements instead of once per statement — the reason for this driver. A
 * transaction reserves a connection of its own at `begin` and gives it back after `commit` or
 * `rollback`, so nothing else is ever interleaved into it.
 */
export interface PostgresJsDialectConfig {
  readonly sql: postgres.Sql;
}

export class PostgresJsDialect extends PostgresFamilyDialect {
  readonly #config: PostgresJsDialectConfig;

  constructor(config: PostgresJsDialectConfig) {
    super();
    this.#config = config;
  }

  createDriver(): Driver {
    return new PostgresJsDriver(this.#config);
  }
}

class PostgresJsDriver extends PostgresFamilyDriver {
  readonly #config: PostgresJsDialectConfig;

  constructor(config: PostgresJsDialectConfig) {
    super();
    this.#config = config;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PostgresJsConnection(this.#config.sql);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await (connection as PostgresJsConnection).begin(beginStatement(settings));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PostgresJsConnection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PostgresJsConnection).end('rollback');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PostgresJsConnection).release();
  }

  async destroy(): Promise<void> {
    // The pool belongs to openPostgres(), which ends it.
  }
}

const MODIFYING = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PostgresJsConnection implements DatabaseConnection {
  readonly #pool: postgres.Sql;
  /** The connection reserved for the transaction in progress, if any. */
  #reserved: postgres.ReservedSql | undefined;

  constructor(pool: postgres.Sql) {
    this.#pool = pool;
  }

  async begin(statement: string): Promise<void> {
    const reserved = await this.#pool.reserve();
    try {
      await reserved.unsafe(statement);
    } catch (error) {
      reserved.release();
      throw error;
    }
    this.#reserved = reserved;
  }

  /** Ends the transaction in progress; nothing when none is (Kysely rolls back after a failed commit). */
  async end(statement: 'commit' | 'rollback'): Promise<void> {
    const reserved = this.#reserved;
    if (!reserved) return;
    try {
      await reserved.unsafe(statement);
    } finally {
      this.release();
    }
  }

  release(): void {
    const reserved = this.#reserved;
    this.#reserved = undefined;
    reserved?.release();
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.#reserved ?? this.#pool;
    // Without parameters postgres.js uses the simple protocol, which also runs a multi-statement
    // script (migrations), as node-postgres and PGlite do.
    const parameters = compiledQuery.parameters as postgres.ParameterOrJSON<never>[];
    const result = await target.unsafe(compiledQuery.sql, parameters, {
      prepare: parameters.length > 0 && preparable(compiledQuery.sql),
    });
    const rows = result as unknown as R[];
    return MODIFYING.has(result.command as string) ? { rows, numAffectedRows: BigInt(result.count ?? 0) } : { rows };
  }

  // biome-ignore lint/correctness/useYield: the service streams nothing from the server engine yet
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming query results is not supported on the PostgreSQL engine');
  }
}
