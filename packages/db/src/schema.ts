import type { ColumnType, Generated } from 'kysely';
import { PROCEDURES_SCHEMA_COLUMNS, type ProceduresDB } from './schema-procedures';

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

/** Audit rows committed with their change, waiting to be chained into audit_log (ADR 0014). */
export interface AuditLogPendingTable {
  lg_code: string;
  pending_id: Generated<number>;
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

export interface AuthChallengeTable {
  lg_code: string;
  challenge_id: string;
  kind: 'card-login' | 'passkey-registration' | 'passkey-login' | 'email-code';
  challenge: string;
  subject_id: string | null;
  attempts: Generated<number>;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
}

export interface CardBindingTable {
  lg_code: string;
  issuer: string;
  serial_hex: string;
  person_id: string;
  bound_at: Generated<Date>;
  unbound_at: Date | null;
}

export type SessionMethod = 'card' | 'passkey' | 'email-code' | 'password-totp' | 'password-passkey' | 'oidc';

export interface AuthSessionTable {
  lg_code: string;
  token_hash: Uint8Array;
  subject_kind: 'resident' | 'staff';
  subject_id: string;
  assurance_level: number;
  method: SessionMethod;
  terminal_id: string | null;
  zone: string | null;
  created_at: Generated<Date>;
  authenticated_at: Date;
  last_seen_at: Date;
  idle_timeout_s: number;
  expires_at: Date;
  ended_at: Date | null;
}

export interface StaffAccountTable {
  lg_code: string;
  staff_id: string;
  login_name: string;
  password_hash: string;
  totp_secret: string | null;
  totp_last_step: number | null;
  roles: Generated<string[]>;
  departments: Generated<string[]>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  disabled_at: Date | null;
  created_at: Generated<Date>;
}

export interface OidcPendingLoginTable {
  lg_code: string;
  state: string;
  provider: string;
  pending: ColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
}

export interface AccessLogHoldTable {
  lg_code: string;
  seq: number;
  hold_until: string;
  legal_basis: string;
  held_by: string;
  created_at: Generated<Date>;
}

export interface PasskeyCredentialTable {
  lg_code: string;
  credential_id: string;
  person_id: string;
  public_key: Uint8Array;
  sign_count: Generated<number>;
  transports: Generated<string[]>;
  created_at: Generated<Date>;
  last_used_at: Date | null;
}

export interface ResidentEmailTable {
  lg_code: string;
  person_id: string;
  email: string;
  verified_at: Date | null;
  created_at: Generated<Date>;
}

export interface OidcBindingTable {
  lg_code: string;
  issuer: string;
  subject: string;
  subject_kind: 'resident' | 'staff';
  subject_id: string;
  bound_at: Generated<Date>;
}

export interface RegistryCounterTable {
  lg_code: string;
  name: 'person' | 'household' | 'certificate';
  last_value: number;
}

/** One version of a person's resident record; dates are ISO strings (YYYY-MM-DD). */
export interface ResidentRecordTable {
  lg_code: string;
  person_id: string;
  version: number;
  is_current: boolean;
  movement_id: string;
  reason_code: string;
  effective_on: string;
  notified_on: string | null;
  processed_at: Date;
  operator_id: string;
  cancels_movement_id: string | null;
  note: string | null;
  resident_kind: 'japanese' | 'foreign';
  status: 'resident' | 'removed';
  household_id: string;
  household_order: number;
  relationship: string;
  family_name: string;
  given_name: string;
  family_name_kana: string | null;
  given_name_kana: string | null;
  kana_certified: Generated<boolean>;
  alias_name: string | null;
  former_family_name: string | null;
  birth_date: string;
  sex: number;
  honseki: string | null;
  hittosha: string | null;
  became_resident_on: string;
  postal_code: string | null;
  address: string;
  address_detail: string | null;
  address_since: string;
  previous_address: string | null;
  resident_code: string | null;
  nationality: string | null;
  residence_status: string | null;
  residence_expiry: string | null;
  foreign_resident_category: string | null;
  removal_reason: string | null;
  removed_on: string | null;
  planned_destination: string | null;
  planned_move_on: string | null;
  name_key: string;
  kana_key: string | null;
  alias_name_key: string | null;
  address_key: string;
}

export interface IndividualNumberTable {
  lg_code: string;
  person_id: string;
  ciphertext: Uint8Array;
  key_id: string;
  lookup_hash: Uint8Array;
  recorded_at: Generated<Date>;
}

export interface SupportMeasureTable {
  lg_code: string;
  person_id: string;
  seq: number;
  action: 'start' | 'extend' | 'end';
  kind: 'full' | 'provisional';
  starts_on: string;
  ends_on: string;
  reason: string | null;
  recorded_at: Generated<Date>;
  operator_id: string;
}

export type CertificateKind = 'resident-copy' | 'removed-copy' | 'entry-certificate';
export type RequesterKind = 'self' | 'household-member' | 'third-party' | 'official';

export interface CertificateIssuanceTable {
  lg_code: string;
  issue_no: number;
  kind: CertificateKind;
  person_ids: string[];
  requester_kind: RequesterKind;
  items: string[];
  channel: 'counter' | 'online' | 'cli' | 'api';
  issued_at: Generated<Date>;
  operator_id: string;
  pdf_sha256: Uint8Array;
}

export interface RegistryImportJobTable {
  lg_code: string;
  job_id: string;
  status: 'validating' | 'loading' | 'succeeded' | 'failed';
  total_rows: number | null;
  processed_rows: Generated<number>;
  result: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  started_at: Generated<Date>;
  finished_at: Date | null;
  operator_id: string;
}

export interface DB extends ProceduresDB {
  tenant: TenantTable;
  schema_migration: SchemaMigrationTable;
  audit_log: AuditLogTable;
  audit_log_pending: AuditLogPendingTable;
  audit_log_subject: AuditLogSubjectTable;
  audit_subject_watermark: AuditSubjectWatermarkTable;
  audit_chain_head: AuditChainHeadTable;
  audit_key: AuditKeyTable;
  audit_checkpoint: AuditCheckpointTable;
  auth_challenge: AuthChallengeTable;
  card_binding: CardBindingTable;
  auth_session: AuthSessionTable;
  staff_account: StaffAccountTable;
  oidc_pending_login: OidcPendingLoginTable;
  access_log_hold: AccessLogHoldTable;
  passkey_credential: PasskeyCredentialTable;
  resident_email: ResidentEmailTable;
  oidc_binding: OidcBindingTable;
  registry_counter: RegistryCounterTable;
  resident_record: ResidentRecordTable;
  individual_number: IndividualNumberTable;
  support_measure: SupportMeasureTable;
  certificate_issuance: CertificateIssuanceTable;
  registry_import_job: RegistryImportJobTable;
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
  audit_log_pending: [
    'lg_code',
    'pending_id',
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
  ],
  audit_log_subject: ['lg_code', 'person_id', 'seq'],
  audit_subject_watermark: ['lg_code', 'indexed_through'],
  audit_chain_head: ['lg_code', 'seq', 'hash'],
  audit_key: ['lg_code', 'key_id', 'public_key', 'created_at'],
  audit_checkpoint: ['lg_code', 'seq', 'hash', 'signed_at', 'key_id', 'signature'],
  auth_challenge: [
    'lg_code',
    'challenge_id',
    'kind',
    'challenge',
    'subject_id',
    'attempts',
    'created_at',
    'expires_at',
    'used_at',
  ],
  card_binding: ['lg_code', 'issuer', 'serial_hex', 'person_id', 'bound_at', 'unbound_at'],
  auth_session: [
    'lg_code',
    'token_hash',
    'subject_kind',
    'subject_id',
    'assurance_level',
    'method',
    'terminal_id',
    'zone',
    'created_at',
    'authenticated_at',
    'last_seen_at',
    'idle_timeout_s',
    'expires_at',
    'ended_at',
  ],
  staff_account: [
    'lg_code',
    'staff_id',
    'login_name',
    'password_hash',
    'totp_secret',
    'totp_last_step',
    'roles',
    'departments',
    'failed_attempts',
    'locked_until',
    'disabled_at',
    'created_at',
  ],
  oidc_pending_login: ['lg_code', 'state', 'provider', 'pending', 'created_at'],
  access_log_hold: ['lg_code', 'seq', 'hold_until', 'legal_basis', 'held_by', 'created_at'],
  passkey_credential: [
    'lg_code',
    'credential_id',
    'person_id',
    'public_key',
    'sign_count',
    'transports',
    'created_at',
    'last_used_at',
  ],
  resident_email: ['lg_code', 'person_id', 'email', 'verified_at', 'created_at'],
  oidc_binding: ['lg_code', 'issuer', 'subject', 'subject_kind', 'subject_id', 'bound_at'],
  registry_counter: ['lg_code', 'name', 'last_value'],
  resident_record: [
    'lg_code',
    'person_id',
    'version',
    'is_current',
    'movement_id',
    'reason_code',
    'effective_on',
    'notified_on',
    'processed_at',
    'operator_id',
    'cancels_movement_id',
    'note',
    'resident_kind',
    'status',
    'household_id',
    'household_order',
    'relationship',
    'family_name',
    'given_name',
    'family_name_kana',
    'given_name_kana',
    'kana_certified',
    'alias_name',
    'former_family_name',
    'birth_date',
    'sex',
    'honseki',
    'hittosha',
    'became_resident_on',
    'postal_code',
    'address',
    'address_detail',
    'address_since',
    'previous_address',
    'resident_code',
    'nationality',
    'residence_status',
    'residence_expiry',
    'foreign_resident_category',
    'removal_reason',
    'removed_on',
    'planned_destination',
    'planned_move_on',
    'name_key',
    'kana_key',
    'alias_name_key',
    'address_key',
  ],
  individual_number: ['lg_code', 'person_id', 'ciphertext', 'key_id', 'lookup_hash', 'recorded_at'],
  support_measure: [
    'lg_code',
    'person_id',
    'seq',
    'action',
    'kind',
    'starts_on',
    'ends_on',
    'reason',
    'recorded_at',
    'operator_id',
  ],
  certificate_issuance: [
    'lg_code',
    'issue_no',
    'kind',
    'person_ids',
    'requester_kind',
    'items',
    'channel',
    'issued_at',
    'operator_id',
    'pdf_sha256',
  ],
  registry_import_job: [
    'lg_code',
    'job_id',
    'status',
    'total_rows',
    'processed_rows',
    'result',
    'started_at',
    'finished_at',
    'operator_id',
  ],
  ...PROCEDURES_SCHEMA_COLUMNS,
} as const satisfies { [T in keyof DB]: ReadonlyArray<keyof DB[T]> };
