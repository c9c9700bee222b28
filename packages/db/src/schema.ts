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

export interface AuditLogTable {
  lg_code: string;
  seq: number;
  occurred_at: Date;
  actor_kind: 'staff' | 'resident' | 'system' | 'operator';
  actor_id: string;
  on_behalf_of: string | null;
  terminal_id: string | null;
  zone: string | null;
  department: string | null;
  purpose: string;
  action: string;
  data_category: string | null;
  subject_person_ids: string[];
  result: 'allowed' | 'denied' | 'failed' | 'alert';
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

export interface AuditLogSubjectTable {
  lg_code: string;
  person_id: string;
  seq: number;
}

export interface AuditSubjectWatermarkTable {
  lg_code: string;
  indexed_through: number;
}

export interface AuditChainHeadTable {
  lg_code: string;
  seq: number;
  hash: Uint8Array;
}

export interface AuditKeyTable {
  lg_code: string;
  key_id: string;
  public_key: string;
  created_at: ColumnType<Date, never, never>;
}

export interface AuditCheckpointTable {
  lg_code: string;
  seq: number;
  hash: Uint8Array;
  signed_at: Date;
  key_id: string;
  signature: Uint8Array;
}

export interface DB {
  tenant: TenantTable;
  schema_migration: SchemaMigrationTable;
  audit_log: AuditLogTable;
  audit_log_subject: AuditLogSubjectTable;
  audit_subject_watermark: AuditSubjectWatermarkTable;
  audit_chain_head: AuditChainHeadTable;
  audit_key: AuditKeyTable;
  audit_checkpoint: AuditCheckpointTable;
}

/**
 * Columns of each table, as a value, for the drift test. `satisfies` makes the compiler
 * reject a column list that does not match the interfaces above.
 */
export const SCHEMA_COLUMNS = {
  tenant: ['lg_code', 'name', 'created_at'],
  schema_migration: ['version', 'name', 'checksum', 'applied_at'],
  audit_log: [
    'lg_code',
    'seq',
    'occurred_at',
    'actor_kind',
    'actor_id',
    'on_behalf_of',
    'terminal_id',
    'zone',
    'department',
    'purpose',
    'action',
    'data_category',
    'subject_person_ids',
    'result',
    'details',
    'prev_hash',
    'hash',
  ],
  audit_log_subject: ['lg_code', 'person_id', 'seq'],
  audit_subject_watermark: ['lg_code', 'indexed_through'],
  audit_chain_head: ['lg_code', 'seq', 'hash'],
  audit_key: ['lg_code', 'key_id', 'public_key', 'created_at'],
  audit_checkpoint: ['lg_code', 'seq', 'hash', 'signed_at', 'key_id', 'signature'],
} as const satisfies { [T in keyof DB]: ReadonlyArray<keyof DB[T]> };
