import type { Database } from '@madoguchi/db';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError } from '../../errors';
import { parseLgCode } from '../../tenants/lg-code';
import { insertBinding } from './oidc-login.repository';
import type { BindOidcAccountInput } from './oidc-login.types';

function required(value: string, field: string, max: number): string {
  if (value.length === 0 || value.length > max) {
    throw new AppError('VALIDATION_FAILED', `${field} must be 1 to ${max} characters`, { field });
  }
  return value;
}

/**
 * Records which resident or staff member an account at an OpenID provider belongs to. The issuer is the
 * provider's issuer URL exactly as its ID tokens carry it. A binding is never overwritten: an account already
 * bound is refused, so a mistake cannot silently move someone's logins to another person.
 */
export async function bindOidcAccount(db: Database, actor: Actor, input: BindOidcAccountInput): Promise<void> {
  const lgCode = parseLgCode(input.lgCode);
  const issuer = required(input.issuer, 'issuer', 2048);
  const subject = required(input.subject, 'subject', 255); // OpenID Connect Core §2: at most 255 ASCII characters
  const subjectId = required(input.subjectId, 'subjectId', 64);
  if (input.subjectKind !== 'resident' && input.subjectKind !== 'staff') {
    throw new AppError('VALIDATION_FAILED', 'subjectKind must be resident or staff', { field: 'subjectKind' });
  }
  await db.kysely.transaction().execute(async (trx) => {
    const binding = { lgCode, issuer, subject, subjectKind: input.subjectKind, subjectId };
    if (!(await insertBinding(trx, binding))) {
      throw new AppError('VALIDATION_FAILED', 'this provider account is already bound in the municipality', {
        field: 'subject',
      });
    }
    await appendAudit(trx, actor, [
      {
        lgCode,
        action: 'identity.oidc.bind',
        purpose: actor.purpose ?? 'account-registration',
        result: 'allowed',
        subjectPersonIds: input.subjectKind === 'resident' ? [subjectId] : [],
        dataCategory: 'login',
        details: {
          issuer,
          subject,
          subjectKind: input.subjectKind,
          ...(input.subjectKind === 'staff' ? { staffId: subjectId } : {}),
        },
      },
    ]);
  });
}
