import { createHash, randomUUID } from 'node:crypto';
import type { Database, DatabaseSession, DB } from '@madoguchi/db';
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { getTenant } from '../../tenants';
import { todayInJapan } from '../clock';
import type { IndividualNumberCipher } from '../individual-number';
import { CsvEncodingError, decodeCsvBytes, parseResidentsV1, type ResidentsV1Record } from '../residents-csv';
import { copyLine, RECORD_COPY_COLUMNS, type VersionStamp } from './copy-lines';
import { importSupportMeasures } from './import-support-measures';
import { householdOrders, itemsFromV1 } from './v1-items';

export interface ImportProgress {
  readonly phase: 'validating' | 'loading';
  readonly done: number;
  readonly total: number | null;
}

export interface ImportResidentsInput {
  readonly lgCode: string;
  readonly bytes: Uint8Array;
  readonly dryRun?: boolean;
  /** Needed when the file carries individual numbers. */
  readonly cipher?: IndividualNumberCipher;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResidentsResult {
  readonly rows: number;
  readonly encoding: 'utf-8' | 'shift_jis';
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly dryRun: boolean;
}

const BATCH = 5_000;

/**
 * Imports a `madoguchi-residents-v1` file (docs/formats/residents-v1.md). Every row is checked
 * first; with any problem nothing is written (IMPORT_INVALID lists line, column, field and code).
 * Then one transaction: COPY into the record table — directly for a municipality without records,
 * through a staging table otherwise, so unchanged rows (equal on every column of the layout) write nothing and changed rows
 * become new versions. A killed process leaves the database as it was. One audit row.
 */
export async function importResidents(
  db: Database,
  actor: Actor,
  input: ImportResidentsInput,
): Promise<ImportResidentsResult> {
  await getTenant(db, actor, input.lgCode);
  let decoded: ReturnType<typeof decodeCsvBytes>;
  try {
    decoded = decodeCsvBytes(input.bytes);
  } catch (error) {
    if (error instanceof CsvEncodingError) {
      const { line, column, field, code, message } = error;
      throw new AppError('IMPORT_INVALID', 'the file cannot be imported: 1 problem', {
        problems: [{ line, column, field, code, message }],
        problemCount: 1,
      });
    }
    throw error;
  }
  const parsed = parseResidentsV1(decoded.text, {
    today: todayInJapan(),
    onProgress: (done) => input.onProgress?.({ phase: 'validating', done, total: null }),
  });
  if (parsed.problems.length > 0) {
    const count = parsed.problems.length;
    throw new AppError('IMPORT_INVALID', `the file cannot be imported: ${count} problem(s); nothing was written`, {
      problems: parsed.problems,
      problemCount: count,
    });
  }
  const rows = parsed.records;
  if (rows.some((r) => r.individualNumber !== null) && !input.cipher) {
    throw new AppError(
      'INDIVIDUAL_NUMBER_KEY_MISSING',
      'the file has individual numbers: give the key to encrypt them (--individual-number-key)',
      {
        option: '--individual-number-key',
      },
    );
  }
  const fileSha256 = createHash('sha256').update(input.bytes).digest('hex');
  const counts = await db
    .withSession((session) =>
      session.kysely.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`registry-import:${input.lgCode}`}))`.execute(trx);
        const stamp: VersionStamp = {
          lgCode: input.lgCode,
          movementId: randomUUID(),
          reasonCode: 'data-migration',
          processedAt: new Date().toISOString(),
          operatorId: actor.id,
        };
        const empty = !(await trx
          .selectFrom('resident_record')
          .select('person_id')
          .where('lg_code', '=', input.lgCode)
          .limit(1)
          .executeTakeFirst());
        const progress = (done: number) => input.onProgress?.({ phase: 'loading', done, total: rows.length });
        if (empty && input.dryRun) return { inserted: rows.length, updated: 0, unchanged: 0 };
        const result = empty
          ? { inserted: await firstLoad(session, trx, stamp, rows, progress), updated: 0, unchanged: 0 }
          : await mergeRecords(session, trx, stamp, rows, progress);
        // A dry run into a municipality with records stages and compares, then rolls back.
        if (input.dryRun) throw new DryRunRollback(result);
        await importIndividualNumbers(trx, input.lgCode, rows, input.cipher);
        await importSupportMeasures(trx, actor, input.lgCode, rows);
        await advanceCounters(trx, input.lgCode, rows);
        if (!empty) {
          const broken = await householdsWithSeveralHeads(trx, input.lgCode);
          if (broken.length > 0) {
            throw new AppError(
              'IMPORT_INVALID',
              'after the import some households would have more than one 世帯主; nothing was written',
              {
                problems: [],
                problemCount: broken.length,
                householdIds: broken.slice(0, 100),
              },
            );
          }
        }
        await appendAudit(trx, actor, [
          {
            lgCode: input.lgCode,
            action: 'registry.import',
            purpose: actor.purpose ?? 'data-migration',
            result: 'allowed',
            dataCategory: 'basic-resident-record',
            details: {
              movementId: stamp.movementId,
              rows: rows.length,
              ...result,
              encoding: decoded.encoding,
              fileSha256,
            },
          },
        ]);
        return result;
      }),
    )
    .catch((error: unknown) => {
      if (error instanceof DryRunRollback) return error.counts;
      throw error;
    });
  return { rows: rows.length, encoding: decoded.encoding, ...counts, dryRun: Boolean(input.dryRun) };
}

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

async function copyRecords(
  session: DatabaseSession,
  table: string,
  stamp: VersionStamp,
  rows: readonly ResidentsV1Record[],
  progress: (done: number) => void,
): Promise<number> {
  return session.copyFrom(
    `COPY ${table} (${RECORD_COPY_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
    copyChunks(stamp, rows, null, progress),
  );
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
async function firstLoad(
  session: DatabaseSession,
  trx: Transaction<DB>,
  stamp: VersionStamp,
  rows: readonly ResidentsV1Record[],
  progress: (done: number) => void,
): Promise<number> {
  const deferred = rows.length >= DEFER_INDEXES_FROM ? await dropSecondaryIndexes(trx) : [];
  const copied = await copyRecords(session, 'resident_record', stamp, rows, progress);
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
async function mergeRecords(
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

async function importIndividualNumbers(
  trx: Transaction<DB>,
  lgCode: string,
  rows: readonly ResidentsV1Record[],
  cipher: IndividualNumberCipher | undefined,
): Promise<void> {
  const withNumber = rows.filter((r) => r.individualNumber !== null);
  if (withNumber.length === 0 || !cipher) return;
  for (let i = 0; i < withNumber.length; i += 1000) {
    const batch = withNumber.slice(i, i + 1000).map((r) => ({
      lg_code: lgCode,
      person_id: r.personId,
      ciphertext: cipher.encrypt(r.personId, r.individualNumber as string),
      key_id: cipher.keyId,
      lookup_hash: cipher.lookupHash(r.individualNumber as string),
    }));
    try {
      await trx
        .insertInto('individual_number')
        .values(batch)
        .onConflict((oc) =>
          oc
            .columns(['lg_code', 'person_id'])
            .doUpdateSet((eb) => ({
              ciphertext: eb.ref('excluded.ciphertext'),
              key_id: eb.ref('excluded.key_id'),
              lookup_hash: eb.ref('excluded.lookup_hash'),
            }))
            .where('individual_number.lookup_hash', '!=', (eb) => eb.ref('excluded.lookup_hash')),
        )
        .execute();
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new AppError(
          'IMPORT_INVALID',
          'an individual number in the file belongs to another person already on the register; nothing was written',
          {
            problems: [],
            problemCount: 1,
            code: 'DUPLICATE_INDIVIDUAL_NUMBER',
          },
        );
      }
      throw error;
    }
  }
}

/** The next 宛名番号 / 世帯番号 handed out must not collide with imported ones. */
async function advanceCounters(
  trx: Transaction<DB>,
  lgCode: string,
  rows: readonly ResidentsV1Record[],
): Promise<void> {
  let person = 0;
  let household = 0;
  for (const row of rows) {
    person = Math.max(person, Number(row.personId.slice(0, 9)));
    household = Math.max(household, Number(row.householdId.slice(0, 9)));
  }
  for (const [name, value] of [
    ['person', person],
    ['household', household],
  ] as const) {
    await trx
      .insertInto('registry_counter')
      .values({ lg_code: lgCode, name, last_value: value })
      .onConflict((oc) =>
        oc
          .columns(['lg_code', 'name'])
          .doUpdateSet({ last_value: sql`greatest(registry_counter.last_value, ${value})` }),
      )
      .execute();
  }
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

class DryRunRollback extends Error {
  constructor(readonly counts: { inserted: number; updated: number; unchanged: number }) {
    super('dry run: rolled back');
  }
}

/** Households of the staged file that now have more than one 世帯主 (one query, any file size). */
async function householdsWithSeveralHeads(trx: Transaction<DB>, lgCode: string): Promise<string[]> {
  const rows = await sql<{ household_id: string }>`
    select household_id from resident_record
     where lg_code = ${lgCode} and is_current and status = 'resident'
       and household_id in (select distinct household_id from registry_import_stage)
     group by household_id
    having count(*) filter (where relationship = '世帯主') > 1
     limit 100`.execute(trx);
  return rows.rows.map((r) => r.household_id);
}
