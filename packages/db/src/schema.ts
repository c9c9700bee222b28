import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely's view of the schema. Written by hand beside the SQL migrations; the test
 * `schema.test.ts` compares it with the migrated catalog so the two cannot drift.
 */
export interface TenantTable {
  lg_code: string;
  name: string;
  created_at: ColumnType<Date, never, never>;
}

export interface SchemaMigrationTable {
  version: string;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface DB {
  tenant: TenantTable;
  schema_migration: SchemaMigrationTable;
}

/**
 * Columns of each table, as a value, for the drift test. `satisfies` makes the compiler
 * reject a column list that does not match the interfaces above.
 */
export const SCHEMA_COLUMNS = {
  tenant: ['lg_code', 'name', 'created_at'],
  schema_migration: ['version', 'name', 'checksum', 'applied_at'],
} as const satisfies { [T in keyof DB]: ReadonlyArray<keyof DB[T]> };
