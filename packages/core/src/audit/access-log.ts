import type { Database } from '@madoguchi/db';
import { sql } from 'kysely';
import { AppError } from '../errors';
import { appendAudit } from './append-audit';
import { catchUpSubjectIndex } from './audit-subject.repository';
import { sealAuditLog } from './seal-audit-log';

/** One line of a resident's access log: who (which department) looked, when, why, at what kind of data. */
export interface AccessLogEntry {
  readonly at: Date;
  readonly department: string | null;
  readonly purpose: string;
  readonly dataCategory: string | null;
  readonly action: string;
  readonly result: string;
}

const LIMIT = 200;

/**
 * The resident's own view of the audit log: accesses to their data by staff, systems and operators, newest
 * first, without entries the law allows to withhold until their release date. Reading it is
 * itself recorded.
 */
export async function listMyAccessLog(
  db: Database,
  resident: { lgCode: string; personId: string },
  now = new Date(),
): Promise<AccessLogEntry[]> {
  return db.kysely.transaction().execute(async (trx) => {
    await catchUpSubjectIndex(trx, resident.lgCode);
    const today = now.toISOString().slice(0, 10);
    const rows = await sql<{
      occurred_at: Date;
      department: string | null;
      purpose: string;
      data_category: string | null;
      action: string;
      result: string;
    }>`
      select a.occurred_at, a.department, a.purpose, a.data_category, a.action, a.result
      from audit_log_subject s
      join audit_log a on a.lg_code = s.lg_code and a.seq = s.seq
      left join access_log_hold h on h.lg_code = a.lg_code and h.seq = a.seq
      where s.lg_code = ${resident.lgCode} and s.person_id = ${resident.personId}
        and a.actor_kind in ('staff', 'system', 'operator')
        and (h.seq is null or h.hold_until <= ${today}::date)
      order by a.seq desc
      limit ${LIMIT}`.execute(trx);
    await appendAudit(trx, { kind: 'resident', id: resident.personId, purpose: 'access-log' }, [
      {
        lgCode: resident.lgCode,
        action: 'audit.access-log.read',
        purpose: 'access-log',
        result: 'allowed',
        subjectPersonIds: [resident.personId],
        dataCategory: 'access-log',
        occurredAt: now,
      },
    ]);
    return rows.rows.map((row) => ({
      at: row.occurred_at,
      department: row.department,
      purpose: row.purpose,
      dataCategory: row.data_category,
      action: row.action,
      result: row.result,
    }));
  });
}

/**
 * Withholds an audit row from the resident's access log until a date, on a stated legal basis.
 * Placing a hold is itself recorded.
 */
export async function holdAccessLogEntry(
  db: Database,
  input: { lgCode: string; seq: number; holdUntil: string; legalBasis: string; heldBy: string },
): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.holdUntil) || Number.isNaN(Date.parse(input.holdUntil))) {
    throw new AppError('VALIDATION_FAILED', 'holdUntil must be a date, YYYY-MM-DD', { field: 'holdUntil' });
  }
  if (input.legalBasis.trim().length === 0) {
    throw new AppError('VALIDATION_FAILED', 'legalBasis must name the provision that allows withholding', {
      field: 'legalBasis',
    });
  }
  await sealAuditLog(db.kysely, input.lgCode);
  await db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('audit_log')
      .select('seq')
      .where('lg_code', '=', input.lgCode)
      .where('seq', '=', input.seq)
      .executeTakeFirst();
    if (!row) throw new AppError('VALIDATION_FAILED', `there is no audit row ${input.seq}`, { field: 'seq' });
    await trx
      .insertInto('access_log_hold')
      .values({
        lg_code: input.lgCode,
        seq: input.seq,
        hold_until: input.holdUntil,
        legal_basis: input.legalBasis,
        held_by: input.heldBy,
      })
      .execute();
    await appendAudit(trx, { kind: 'operator', id: input.heldBy, purpose: 'access-log-hold' }, [
      {
        lgCode: input.lgCode,
        action: 'audit.access-log.hold',
        purpose: 'access-log-hold',
        result: 'allowed',
        details: { seq: input.seq, holdUntil: input.holdUntil, legalBasis: input.legalBasis },
      },
    ]);
  });
}
