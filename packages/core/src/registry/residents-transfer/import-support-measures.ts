import type { DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { Actor } from '../../actor';
import { todayInJapan } from '../clock';
import type { ResidentsV1Record } from '../residents-csv';
import { supportedPersons } from '../support-measures';

/**
 * `support_measure_until` of the file: a measure in force until that day. A person whose measure
 * already ends that day keeps it (re-import changes nothing); a later date extends it. Past dates
 * are history the file cannot tell us more about, and are skipped.
 */
export async function importSupportMeasures(
  trx: Transaction<DB>,
  actor: Actor,
  lgCode: string,
  rows: readonly ResidentsV1Record[],
): Promise<void> {
  const today = todayInJapan();
  const wanted = rows.filter((r) => r.supportMeasureUntil !== null && r.supportMeasureUntil >= today);
  if (wanted.length === 0) return;
  const active = await supportedPersons(
    trx,
    lgCode,
    wanted.map((r) => r.personId),
    today,
  );
  const last = await trx
    .selectFrom('support_measure')
    .select(['person_id', (eb) => eb.fn.max('seq').as('seq')])
    .where('lg_code', '=', lgCode)
    .where(
      'person_id',
      'in',
      wanted.map((r) => r.personId),
    )
    .groupBy('person_id')
    .execute();
  const seqOf = new Map(last.map((r) => [r.person_id, Number(r.seq)]));
  const values = wanted
    .filter((r) => active.get(r.personId)?.endsOn !== r.supportMeasureUntil)
    .map((r) => {
      const current = active.get(r.personId);
      return {
        lg_code: lgCode,
        person_id: r.personId,
        seq: (seqOf.get(r.personId) ?? 0) + 1,
        action: current ? ('extend' as const) : ('start' as const),
        kind: current?.kind ?? ('full' as const),
        starts_on: current?.startsOn ?? today,
        ends_on: r.supportMeasureUntil as string,
        reason: 'data-migration',
        operator_id: actor.id,
      };
    });
  for (let i = 0; i < values.length; i += 1000) {
    await trx
      .insertInto('support_measure')
      .values(values.slice(i, i + 1000))
      .execute();
  }
}
