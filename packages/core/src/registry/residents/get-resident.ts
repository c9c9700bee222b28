import type { Database } from '@madoguchi/db';
import { projectForPurpose } from '../../access';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { recordAsOf } from '../as-of';
import type { ResidentRecord } from '../resident.types';
import { isCalendarDate } from '../resident-items.validation';
import { findHistory } from '../resident-record.repository';
import { type SupportMeasureState, supportedPersons } from '../support-measures';

export interface ResidentView {
  /** The record's items the purpose allows (purpose limitation: projectForPurpose). */
  readonly record: Partial<ResidentRecord>;
  /** A measure in force: every screen shows the warning (section 380). */
  readonly supportMeasure: SupportMeasureState | null;
}

/**
 * One person's record — current, or as it stood on `asOf` — projected to the caller's purpose.
 * The read is an audit row, written in the same transaction.
 */
export async function getResident(
  db: Database,
  actor: Actor,
  query: { lgCode: string; personId: string; purpose: string; asOf?: string },
): Promise<ResidentView> {
  if (query.asOf !== undefined && !isCalendarDate(query.asOf)) {
    throw new AppError('VALIDATION_FAILED', '1 field(s) are invalid', {
      problems: [{ field: 'asOf', message: 'is not a calendar date (expected YYYY-MM-DD)' }],
    });
  }
  return db.kysely.transaction().execute(async (trx) => {
    const history = await findHistory(trx, query.lgCode, query.personId);
    const record = query.asOf === undefined ? history.at(-1) : recordAsOf(history, query.asOf);
    if (!record) {
      throw new AppError('RESIDENT_NOT_FOUND', 'no record of that person (on that date)', { field: 'personId' });
    }
    const measures = await supportedPersons(trx, query.lgCode, [query.personId]);
    await appendAudit(trx, actor, [
      {
        lgCode: query.lgCode,
        action: 'registry.person.read',
        purpose: query.purpose,
        result: 'allowed',
        dataCategory: 'basic-resident-record',
        subjectPersonIds: [query.personId],
        details: { version: record.version, ...(query.asOf ? { asOf: query.asOf } : {}) },
      },
    ]);
    return {
      record: projectForPurpose(
        record as unknown as Record<string, unknown>,
        query.purpose,
        'basic-resident-record',
      ) as Partial<ResidentRecord>,
      supportMeasure: measures.get(query.personId) ?? null,
    };
  });
}

/** Every version of the person's record (異動履歴照会, section 350), oldest first; registry staff only. */
export async function getResidentHistory(
  db: Database,
  actor: Actor,
  query: { lgCode: string; personId: string },
): Promise<readonly ResidentRecord[]> {
  return db.kysely.transaction().execute(async (trx) => {
    const history = await findHistory(trx, query.lgCode, query.personId);
    if (history.length === 0)
      throw new AppError('RESIDENT_NOT_FOUND', 'no record of that person', { field: 'personId' });
    await appendAudit(trx, actor, [
      {
        lgCode: query.lgCode,
        action: 'registry.person.history',
        purpose: actor.purpose ?? 'resident-registration',
        result: 'allowed',
        dataCategory: 'basic-resident-record',
        subjectPersonIds: [query.personId],
        details: { versions: history.length },
      },
    ]);
    return history;
  });
}
