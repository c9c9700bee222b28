import type { DB } from '@madoguchi/db';
import { sql, type Transaction } from 'kysely';
import { sealAuditLog } from './seal-audit-log';

/**
 * Brings audit_log_subject up to date with audit_log for one municipality. The index is filled
 * after the fact, not on append (it would halve append speed); readers call this first, so
 * what they read is never behind. Concurrent callers serialise on the watermark row.
 */
export async function catchUpSubjectIndex(trx: Transaction<DB>, lgCode: string): Promise<number> {
  await sealAuditLog(trx, lgCode);
  await trx
    .insertInto('audit_subject_watermark')
    .values({ lg_code: lgCode, indexed_through: 0 })
    .onConflict((conflict) => conflict.column('lg_code').doNothing())
    .execute();
  const mark = await trx
    .selectFrom('audit_subject_watermark')
    .select('indexed_through')
    .where('lg_code', '=', lgCode)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const result = await sql<{ through: number | null; added: number }>`
    with fresh as (
      select lg_code, seq, subject_person_ids from audit_log
      where lg_code = ${lgCode} and seq > ${mark.indexed_through}
    ), added as (
      insert into audit_log_subject (lg_code, person_id, seq)
      select lg_code, unnest(subject_person_ids), seq from fresh
      on conflict do nothing
      returning 1
    )
    select (select max(seq) from fresh) as through, (select count(*)::int from added) as added`.execute(trx);
  const through = result.rows[0]?.through;
  if (through) {
    await trx
      .updateTable('audit_subject_watermark')
      .set({ indexed_through: through })
      .where('lg_code', '=', lgCode)
      .execute();
  }
  return result.rows[0]?.added ?? 0;
}
