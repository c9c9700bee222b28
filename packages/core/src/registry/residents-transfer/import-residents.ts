import { createHash, randomUUID } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import { sql } from 'kysely';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { getTenant } from '../../tenants';
import { todayInJapan } from '../clock';
import type { IndividualNumberCipher } from '../individual-number';
import { CsvEncodingError, decodeCsvBytes, parseResidentsV1 } from '../residents-csv';
import { firstLoad, householdsWithSeveralHeads, mergeRecords } from './bulk-load';
import type { VersionStamp } from './copy-lines';
import { advanceCounters, importIndividualNumbers } from './import-side-tables';
import { importSupportMeasures } from './import-support-measures';

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

class DryRunRollback extends Error {
  constructor(readonly counts: { inserted: number; updated: number; unchanged: number }) {
    super('dry run: rolled back');
  }
}
