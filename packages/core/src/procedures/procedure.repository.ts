import type { DB } from '@madoguchi/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ProcedureDefinition } from './procedure-definition.types';

type Q = Kysely<DB> | Transaction<DB>;

export interface StoredProcedureVersion {
  readonly procedureId: string;
  readonly version: number;
  readonly department: string;
  readonly definition: ProcedureDefinition;
  readonly digest: string;
  readonly status: 'published' | 'retired';
  readonly publishedAt: Date;
}

function toStored(row: {
  procedure_id: string;
  version: number;
  department: string;
  definition: Record<string, unknown>;
  digest: string;
  status: 'published' | 'retired';
  published_at: Date;
}): StoredProcedureVersion {
  return {
    procedureId: row.procedure_id,
    version: row.version,
    department: row.department,
    definition: row.definition as unknown as ProcedureDefinition,
    digest: row.digest,
    status: row.status,
    publishedAt: row.published_at,
  };
}

const COLUMNS = ['procedure_id', 'version', 'department', 'definition', 'digest', 'status', 'published_at'] as const;

/** The latest version of each procedure of the municipality (offered unless retired). */
export async function findLatestVersions(q: Q, lgCode: string): Promise<StoredProcedureVersion[]> {
  const rows = await q
    .selectFrom('procedure_version as p')
    .select(COLUMNS.map((c) => `p.${c}` as const))
    .where('p.lg_code', '=', lgCode)
    .where((eb) =>
      eb(
        'p.version',
        '=',
        eb
          .selectFrom('procedure_version as l')
          .select((e) => e.fn.max('l.version').as('v'))
          .where('l.lg_code', '=', lgCode)
          .whereRef('l.procedure_id', '=', 'p.procedure_id'),
      ),
    )
    .orderBy('p.procedure_id')
    .execute();
  return rows.map(toStored);
}

/** One version, or the latest when `version` is absent; null when there is none. */
export async function findVersion(
  q: Q,
  lgCode: string,
  procedureId: string,
  version?: number,
): Promise<StoredProcedureVersion | null> {
  let query = q
    .selectFrom('procedure_version')
    .select(COLUMNS)
    .where('lg_code', '=', lgCode)
    .where('procedure_id', '=', procedureId);
  query = version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  const row = await query.executeTakeFirst();
  return row ? toStored(row) : null;
}

/** Locks the procedure's versions for publishing (one publisher at a time per procedure). */
export async function lockProcedure(trx: Transaction<DB>, lgCode: string, procedureId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`procedure:${lgCode}:${procedureId}`}))`.execute(trx);
}

export async function insertVersion(
  trx: Transaction<DB>,
  lgCode: string,
  definition: ProcedureDefinition,
  digest: string,
  publishedBy: string,
): Promise<void> {
  await trx
    .insertInto('procedure_version')
    .values({
      lg_code: lgCode,
      procedure_id: definition.id,
      version: definition.version,
      department: definition.department,
      definition: JSON.stringify(definition),
      digest,
      status: 'published',
      published_by: publishedBy,
    })
    .execute();
}

export async function setVersionStatus(
  trx: Transaction<DB>,
  lgCode: string,
  procedureId: string,
  version: number,
  status: 'published' | 'retired',
): Promise<void> {
  await trx
    .updateTable('procedure_version')
    .set({ status })
    .where('lg_code', '=', lgCode)
    .where('procedure_id', '=', procedureId)
    .where('version', '=', version)
    .execute();
}
