import type { Database } from '@madoguchi/db';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { parseLgCode } from '../../tenants/lg-code';
import { normalizeEmail } from './email-address';
import { findPersonByEmail, upsertResidentEmail } from './email-code.repository';

export const EMAIL_REGISTER_ACTION = 'identity.email.register' as const;

/**
 * Records the address a resident wants login codes sent to (one per resident; a new one replaces
 * the old). Only a resident logged in at level 2 or more may do this, so a level-1 code login can
 * never move itself to another mailbox. The audit row names the resident, never the address.
 */
export async function registerResidentEmail(
  db: Database,
  resident: { readonly lgCode: string; readonly personId: string },
  input: { email: string },
  now = new Date(),
): Promise<void> {
  const lgCode = parseLgCode(resident.lgCode);
  const email = normalizeEmail(input.email);
  await db.kysely.transaction().execute(async (trx) => {
    const holder = await findPersonByEmail(trx, lgCode, email);
    if (holder !== null && holder !== resident.personId) {
      throw new AppError('VALIDATION_FAILED', 'this address cannot be registered: use another one', {
        field: 'email',
      });
    }
    await upsertResidentEmail(trx, { lgCode, personId: resident.personId, email, now });
    await appendAudit(trx, { kind: 'resident', id: resident.personId, purpose: 'email-registration' }, [
      {
        lgCode,
        action: EMAIL_REGISTER_ACTION,
        purpose: 'email-registration',
        result: 'allowed',
        subjectPersonIds: [resident.personId],
        dataCategory: 'contact',
        details: {},
        occurredAt: now,
      },
    ]);
  });
}
