import type { DB } from '@madoguchi/db';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { projectForPurpose } from '../../access';
import { fromRow } from '../record-row';
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
 * row with the persons read). A member under a support measure is never shown to anyone else, not
 * even to their household: the resident adds them by hand if they must.
 */
export async function readForPrefill(
  trx: Kysely<DB> | Transaction<DB>,
  lgCode: string,
  personId: string,
  purpose: string,
): Promise<PrefillRecords | null> {
  // One statement: this runs for every application started or submitted.
  const measure = supportMeasureJoin('r');
  const { rows } = await sql<Selectable<DB['resident_record']> & { supported: boolean }>`
    select r.*, ${measure.inForce} as supported
      from resident_record r ${measure.join}
     where r.lg_code = ${lgCode} and r.is_current and r.status = 'resident'
       and r.household_id = (
         select household_id from resident_record
          where lg_code = ${lgCode} and person_id = ${personId} and is_current and status = 'resident')
     order by r.household_order, r.person_id`.execute(trx);
  const applicant = rows.find((r) => r.person_id === personId);
  if (!applicant) return null;
  const project = (record: ResidentRecord) =>
    projectForPurpose(
      record as unknown as Record<string, unknown>,
      purpose,
      'basic-resident-record',
    ) as Partial<ResidentRecord>;
  return {
    applicant: project(fromRow(applicant)),
    members: rows.filter((r) => r.person_id !== personId && !r.supported).map((r) => project(fromRow(r))),
  };
}
