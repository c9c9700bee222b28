import type { DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import { projectForPurpose } from '../../access';
import type { ResidentRecord } from '../resident.types';
import { findCurrent, findHouseholdMembers } from '../resident-record.repository';
import { supportedPersons } from '../support-measures/support-measure';

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
  trx: Transaction<DB>,
  lgCode: string,
  personId: string,
  purpose: string,
): Promise<PrefillRecords | null> {
  const applicant = await findCurrent(trx, lgCode, personId);
  if (applicant?.status !== 'resident') return null;
  const household = await findHouseholdMembers(trx, lgCode, applicant.householdId);
  const others = household.filter((m) => m.personId !== personId);
  const supported = await supportedPersons(
    trx,
    lgCode,
    others.map((m) => m.personId),
  );
  const project = (record: ResidentRecord) =>
    projectForPurpose(
      record as unknown as Record<string, unknown>,
      purpose,
      'basic-resident-record',
    ) as Partial<ResidentRecord>;
  return {
    applicant: project(applicant),
    members: others.filter((m) => !supported.has(m.personId)).map(project),
  };
}
