import type { DB } from '@madoguchi/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { purposeProfile } from '../../access';
import { columnOf } from '../record-row';
import type { ResidentRecord } from '../resident.types';
import { supportMeasureJoin } from '../support-measures/support-measure';

/** The applicant and their household as a purpose may see them, for filling in a form. */
export interface PrefillRecords {
  readonly applicant: Partial<ResidentRecord>;
  /** Other current members, in household order; persons under a support measure are left out. */
  readonly members: readonly Partial<ResidentRecord>[];
}

/**
 * Reads what a form may be filled in with, in the caller's transaction (the caller writes the audit
 * row with the persons read). Only the columns the purpose may see leave the database (the purpose
 * profile's fields; the movement, which no form is filled in with, is not read). A member under a
 * support measure is never shown to anyone else, not even to their household: the resident adds
 * them by hand if they must.
 */
export async function readForPrefill(
  trx: Kysely<DB> | Transaction<DB>,
  lgCode: string,
  personId: string,
  purpose: string,
): Promise<PrefillRecords | null> {
  const fields = purposeProfile(purpose, 'basic-resident-record').fields.flatMap((field) => {
    const column = columnOf(field);
    return column ? [sql`r.${sql.ref(column)} as ${sql.ref(field)}`] : [];
  });
  // One statement: this runs for every application started or submitted.
  const measure = supportMeasureJoin('r');
  const { rows } = await sql<Partial<ResidentRecord> & { readonly key: string; readonly supported: boolean }>`
    select ${sql.join([sql`r.person_id as key`, sql`${measure.inForce} as supported`, ...fields])}
      from resident_record r ${measure.join}
     where r.lg_code = ${lgCode} and r.is_current and r.status = 'resident'
       and r.household_id = (
         select household_id from resident_record
          where lg_code = ${lgCode} and person_id = ${personId} and is_current and status = 'resident')
     order by r.household_order, r.person_id`.execute(trx);
  const record = ({ key: _key, supported: _supported, ...items }: (typeof rows)[number]) => items;
  const applicant = rows.find((r) => r.key === personId);
  if (!applicant) return null;
  return {
    applicant: record(applicant),
    members: rows.filter((r) => r.key !== personId && !r.supported).map(record),
  };
}
