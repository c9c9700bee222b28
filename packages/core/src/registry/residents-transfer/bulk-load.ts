import type { DatabaseSession, DB } from '@madoguchi/db';
import { sql, type Transaction } from 'kysely';
import type { ResidentsV1Record } from '../residents-csv';
import { copyLine, RECORD_COPY_COLUMNS, type VersionStamp } from './copy-lines';
import { householdOrders, itemsFromV1 } from './v1-items';

/** The bulk path of an import (ADR 0011): COPY, set-aside indexes, staged merge. */
const BATCH = 5_000;

function* copyChunks(
  stamp: VersionStamp,
  rows: readonly ResidentsV1Record[],
  versions: Int32Array | null,
  progress: (done: number) => void,
): Generator<string> {
  const orders = householdOrders(rows);
  let chunk = '';
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as ResidentsV1Record;
    if (versions && versions[i] === 0) continue;
    chunk += copyLine(
      stamp,
      row.personId,
      versions ? (versions[i] as number) : 1,
      itemsFromV1(row, orders[i] as number),
      row.notifiedOn,
    );
    if ((i + 1) % BATCH === 0) {
      yield chunk;
      chunk = '';
      progress(i + 1);
    }
  }
  if (chunk) yield chunk;
  progress(rows.length);
}

/** Copies one line per row; the COPY takes them all or fails, so the count is the rows'. */
async function copyRecords(
  session: DatabaseSession,
  table: string,
  stamp: VersionStamp,
  rows: readonly ResidentsV1Record[],
  progress: (done: number) => void,
): Promise<number> {
  await session.copyFrom(
    `COPY ${table} (${RECORD_COPY_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
    copyChunks(stamp, rows, null, progress),
  );
  return rows.length;
}

/** Below this many rows, building the indexes after the load is not worth it. */
const DEFER_INDEXES_FROM = 10_000;

/**
 * The municipality has no records: COPY straight into the table. When the whole table is empty (the
 * first migration of a deployment), the file is large, and we own the table, the secondary indexes
 * are dropped and rebuilt after the COPY in the same transaction — a sorted build instead of a
 * million random inserts into nine B-trees. DDL is transactional: a failure or a kill restores them.
 * Meanwhile the table is locked, which only matters to a deployment that has no records yet.
 */
export async function firstLoad(
  session: DatabaseSession,
  trx: Transaction<DB>,
  stamp: VersionStamp,
  rows: readonly ResidentsV1Record[],
  progress: (done: number) => void,
): Promise<number> {
  const deferred = rows.length >= DEFER_INDEXES_FROM ? await dropSecondaryIndexes(trx) : [];
  const copied = await copyRecords(session, 'resident_record', stamp, rows, progress);
  if (deferred.length > 0) {
    // Sorts in memory rather than in temporary files (the server's default is 64 MB); the embedded
    // engine, a 32-bit WebAssembly heap, keeps its default.
    await sql`select set_config('maintenance_work_mem', '256MB', true) where version() not like '%emscripten%'`.execute(
      trx,
    );
  }
  for (const index of deferred) await sql.raw(index.definition).execute(trx);
  return copied;
}

async function dropSecondaryIndexes(trx: Transaction<DB>): Promise<{ name: string; definition: string }[]> {
  const owner = await sql<{ owns: boolean; empty: boolean }>`
    select pg_has_role(current_user, c.relowner, 'USAGE') as owns,
           not exists (select 1 from resident_record) as empty
      from pg_class c where c.oid = 'resident_record'::regclass`.execute(trx);
  if (!owner.rows[0]?.owns || !owner.rows[0]?.empty) return [];
  const indexes = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition
      from pg_indexes i
      join pg_class c on c.relname = i.indexname
     where i.schemaname = current_schema() and i.tablename = 'resident_record'
       and not exists (select 1 from pg_constraint k where k.conindid = c.oid)
     order by i.indexname`.execute(trx);
  for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(trx);
  return indexes.rows;
}

/**
 * Into a municipality that has records: stage the file, drop rows equal to the current version,
 * close the current versions of changed persons, and insert the rest as new versions.
 */
export async function mergeRecords(
  session: DatabaseSession,
  trx: Transaction<DB>,
  stamp: VersionStamp,
  rows: readonly ResidentsV1Record[],
  progress: (done: number) => void,
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  await sql`create temp table registry_import_stage (like resident_record including defaults) on commit drop`.execute(
    trx,
  );
  await copyRecords(session, 'registry_import_stage', stamp, rows, progress);
  const lg = stamp.lgCode;
  // Items the layout carries decide "unchanged"; items it does not carry (本籍, 住民票コード, …) are
  // kept from the current version, so a re-import never erases what movements recorded.
  const carried = sql.raw(CARRIED.map((c) => `s.${c}`).join(', '));
  const current = sql.raw(CARRIED.map((c) => `r.${c}`).join(', '));
  await sql`
    update registry_import_stage s
       set version = r.version + 1,
           honseki = r.honseki,
           hittosha = r.hittosha,
           resident_code = r.resident_code,
           foreign_resident_category = r.foreign_resident_category,
           kana_certified = r.kana_certified,
           planned_destination = r.planned_destination,
           planned_move_on = r.planned_move_on,
           reason_code = case when (${carried}) is not distinct from (${current}) then 'unchanged' else 'migration-update' end
      from resident_record r
     where r.lg_code = ${lg} and r.person_id = s.person_id and r.is_current`.execute(trx);
  const unchanged = await sql`delete from registry_import_stage where reason_code = 'unchanged'`.execute(trx);
  const updated = await sql`
    update resident_record r set is_current = false
      from registry_import_stage s
     where r.lg_code = ${lg} and r.person_id = s.person_id and r.is_current`.execute(trx);
  const kept = [
    'honseki',
    'hittosha',
    'resident_code',
    'foreign_resident_category',
    'planned_destination',
    'planned_move_on',
  ];
  const columns = sql.raw([...RECORD_COPY_COLUMNS, ...kept].join(', '));
  const inserted =
    await sql`insert into resident_record (${columns}) select ${columns} from registry_import_stage`.execute(trx);
  const updatedCount = Number(updated.numAffectedRows ?? 0);
  return {
    inserted: Number(inserted.numAffectedRows ?? 0) - updatedCount,
    updated: updatedCount,
    unchanged: Number(unchanged.numAffectedRows ?? 0),
  };
}

/**
 * Columns of the residents-v1 layout, as stored: equal on all of them means an unchanged row.
 * notified_on is left out: it is the 届出日 of the version's movement (a later correction has none),
 * not an item of the record.
 */
const CARRIED = [
  'resident_kind',
  'status',
  'household_id',
  'household_order',
  'relationship',
  'family_name',
  'given_name',
  'family_name_kana',
  'given_name_kana',
  'alias_name',
  'former_family_name',
  'birth_date',
  'sex',
  'became_resident_on',
  'postal_code',
  'address',
  'address_detail',
  'address_since',
  'previous_address',
  'nationality',
  'residence_status',
  'residence_expiry',
  'removal_reason',
  'removed_on',
] as const;

/** Households of the staged file that now have more than one 世帯主 (one query, any file size). */
export async function householdsWithSeveralHeads(trx: Transaction<DB>, lgCode: string): Promise<string[]> {
  const rows = await sql<{ household_id: string }>`
    select household_id from resident_record
     where lg_code = ${lgCode} and is_current and status = 'resident'
       and household_id in (select distinct household_id from registry_import_stage)
     group by household_id
    having count(*) filter (where relationship = '世帯主') > 1
     limit 100`.execute(trx);
  return rows.rows.map((r) => r.household_id);
}
