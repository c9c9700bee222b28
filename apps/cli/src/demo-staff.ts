import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createStaffAccount, DEMO_TENANT, systemActor } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { Io } from './io';
import { warn } from './output';

/** Where --demo keeps the demo staff's passwords and TOTP secrets (never in a real deployment). */
export const DEMO_STAFF_FILE = '.madoguchi/demo-staff.json';

export interface DemoStaffAccount {
  readonly loginName: string;
  readonly staffId: string;
  readonly password: string;
  readonly totpSecret: string;
  readonly roles: readonly string[];
  readonly departments: readonly string[];
}

const ACCOUNTS = [
  { staffId: 'demo-kosodate', roles: ['case-worker'], departments: ['child-support', 'childcare'] },
  { staffId: 'demo-shimin', roles: ['case-worker', 'counter-clerk'], departments: ['citizen'] },
  { staffId: 'demo-admin', roles: ['procedure-admin', 'it-admin'], departments: ['citizen'] },
] as const;

export async function readDemoStaff(io: Io): Promise<DemoStaffAccount[]> {
  try {
    return JSON.parse(await readFile(path.resolve(io.cwd, DEMO_STAFF_FILE), 'utf8')).accounts;
  } catch {
    return [];
  }
}

/**
 * The demo municipality's staff, made once: a case worker of the child-support and childcare
 * departments, one of the citizens' division, and an administrator. Their passwords and TOTP
 * secrets go to a file readable by this user only, with a loud warning.
 */
export async function ensureDemoStaff(db: Database, io: Io): Promise<void> {
  const existing = await db.kysely
    .selectFrom('staff_account')
    .select('staff_id')
    .where('lg_code', '=', DEMO_TENANT.lgCode)
    .where(
      'staff_id',
      'in',
      ACCOUNTS.map((a) => a.staffId),
    )
    .execute();
  if (existing.length === ACCOUNTS.length && (await readDemoStaff(io)).length === ACCOUNTS.length) {
    warn(io, `demo staff accounts (passwords and TOTP secrets in ${DEMO_STAFF_FILE}): demo only`);
    return;
  }
  if (existing.length > 0) {
    warn(io, `demo staff accounts exist but ${DEMO_STAFF_FILE} is missing: their logins are unknown`);
    return;
  }
  const accounts: DemoStaffAccount[] = [];
  for (const account of ACCOUNTS) {
    const password = `demo-${randomBytes(12).toString('base64url')}`;
    const created = await createStaffAccount(db, systemActor('serve --demo'), {
      lgCode: DEMO_TENANT.lgCode,
      staffId: account.staffId,
      loginName: account.staffId,
      password,
      roles: [...account.roles],
      departments: [...account.departments],
    });
    accounts.push({ ...account, loginName: account.staffId, password, totpSecret: created.totpSecret });
  }
  const file = path.resolve(io.cwd, DEMO_STAFF_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ lgCode: DEMO_TENANT.lgCode, accounts }, null, 2)}\n`, { mode: 0o600 });
  warn(
    io,
    `created demo staff accounts; passwords and TOTP secrets are in ${DEMO_STAFF_FILE} (demo only). ` +
      '`npx madoguchi demo staff-code --login-name demo-kosodate` prints the current one-time code',
  );
}
