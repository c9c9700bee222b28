import type { Database } from '@madoguchi/db';
import { sql } from 'kysely';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { getTenant } from '../../tenants';
import type { IndividualNumberCipher } from '../individual-number';
import { fromRow } from '../record-row';
import { formatResidentsV1 } from '../residents-csv';
import { supportedPersons } from '../support-measures';
import { v1FromRecord } from './v1-items';

export interface ExportResidentsInput {
  readonly lgCode: string;
  /** Only for an operator authorised for it; needs the key. */
  readonly includeIndividualNumber?: boolean;
  readonly cipher?: IndividualNumberCipher;
  /** Supported persons (支援措置) are left out unless a reason for including them is recorded. */
  readonly includeSupported?: { readonly reason: string };
}

export interface ExportResidentsResult {
  readonly rows: number;
  readonly excludedSupported: number;
}

const PAGE = 10_000;

/**
 * Writes every current record of the municipality (removed ones too) in the residents-v1 layout,
 * households together, 世帯主 first. The audit row is written before the first byte leaves.
 */
export async function exportResidents(
  db: Database,
  actor: Actor,
  input: ExportResidentsInput,
  write: (chunk: string) => Promise<void> | void,
): Promise<ExportResidentsResult> {
  await getTenant(db, actor, input.lgCode);
  if (input.includeIndividualNumber && !input.cipher) {
    throw new AppError(
      'INDIVIDUAL_NUMBER_KEY_MISSING',
      'exporting individual numbers needs the key (--individual-number-key)',
      {
        option: '--individual-number-key',
      },
    );
  }
  if (input.includeSupported && !input.includeSupported.reason.trim()) {
    throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
      problems: [{ field: 'includeSupported.reason', message: 'is required to include supported persons' }],
    });
  }
  const supported = await supportedPersons(db.kysely, input.lgCode);
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'registry.export',
        purpose: actor.purpose ?? 'data-migration',
        result: 'allowed',
        dataCategory: input.includeIndividualNumber ? 'individual-number' : 'basic-resident-record',
        details: {
          includeIndividualNumber: input.includeIndividualNumber === true,
          includeSupported: input.includeSupported ? { reason: input.includeSupported.reason.trim() } : false,
        },
      },
    ]),
  );
  let rows = 0;
  let excludedSupported = 0;
  let after: { household_id: string; household_order: number; person_id: string } | null = null;
  let header = true;
  for (;;) {
    let query = db.kysely
      .selectFrom('resident_record')
      .selectAll()
      .where('lg_code', '=', input.lgCode)
      .where('is_current', '=', true);
    if (after) {
      const a = after;
      query = query.where(
        sql<boolean>`(household_id, household_order, person_id) > (${a.household_id}, ${a.household_order}, ${a.person_id})`,
      );
    }
    const page = await query
      .orderBy('household_id')
      .orderBy('household_order')
      .orderBy('person_id')
      .limit(PAGE)
      .execute();
    if (page.length === 0) break;
    const last = page[page.length - 1];
    if (last)
      after = { household_id: last.household_id, household_order: last.household_order, person_id: last.person_id };
    const numbers = input.includeIndividualNumber
      ? await individualNumbers(
          db,
          input,
          page.map((r) => r.person_id),
        )
      : new Map();
    const records = [];
    for (const row of page) {
      const measure = supported.get(row.person_id);
      if (measure && !input.includeSupported) {
        excludedSupported += 1;
        continue;
      }
      records.push(
        v1FromRecord(fromRow(row), {
          supportMeasureUntil: measure?.endsOn ?? null,
          individualNumber: numbers.get(row.person_id) ?? null,
        }),
      );
    }
    const lines = [...formatResidentsV1(records, { includeIndividualNumber: input.includeIndividualNumber === true })];
    await write((header ? lines : lines.slice(1)).join(''));
    header = false;
    rows += records.length;
  }
  if (header) await write([...formatResidentsV1([], { includeIndividualNumber: false })].join(''));
  return { rows, excludedSupported };
}

async function individualNumbers(
  db: Database,
  input: ExportResidentsInput,
  personIds: string[],
): Promise<Map<string, string>> {
  const cipher = input.cipher as IndividualNumberCipher;
  const rows = await db.kysely
    .selectFrom('individual_number')
    .select(['person_id', 'ciphertext'])
    .where('lg_code', '=', input.lgCode)
    .where('person_id', 'in', personIds)
    .execute();
  return new Map(rows.map((r) => [r.person_id, cipher.decrypt(r.person_id, r.ciphertext)]));
}
