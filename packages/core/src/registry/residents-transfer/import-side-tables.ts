import type { DB } from '@madoguchi/db';
import { sql, type Transaction } from 'kysely';
import { AppError } from '../../errors';
import type { IndividualNumberCipher } from '../individual-number';
import type { ResidentsV1Record } from '../residents-csv';

export async function importIndividualNumbers(
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
export async function advanceCounters(
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
