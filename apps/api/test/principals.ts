import { type AssuranceLevel, createSession, type NetworkZone } from '@madoguchi/core';
import type { Database, SessionMethod } from '@madoguchi/db';

export const LG = '999997';
const METHOD: Record<AssuranceLevel, SessionMethod> = { 1: 'email-code', 2: 'passkey', 3: 'card' };

/** A session cookie for a resident logged in at the given level (as the login routes would make). */
export async function residentCookie(db: Database, personId: string, level: AssuranceLevel): Promise<string> {
  const { token } = await createSession(db.kysely, {
    lgCode: LG,
    subjectKind: 'resident',
    subjectId: personId,
    method: METHOD[level],
  });
  return `madoguchi_session=${token}`;
}

/** A staff account with the given roles and a session from a terminal in `zone`. */
export async function staffCookie(
  db: Database,
  staffId: string,
  roles: string[],
  zone: NetworkZone,
  departments: string[] = ['citizen'],
): Promise<string> {
  await db.kysely
    .insertInto('staff_account')
    .values({
      lg_code: LG,
      staff_id: staffId,
      login_name: staffId,
      password_hash: 'not-used-in-this-test',
      roles,
      departments,
    })
    .execute();
  const { token } = await createSession(db.kysely, {
    lgCode: LG,
    subjectKind: 'staff',
    subjectId: staffId,
    method: 'password-totp',
    zone,
  });
  return `madoguchi_session=${token}`;
}
