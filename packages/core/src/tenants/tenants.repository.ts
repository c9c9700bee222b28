import type { DB } from '@madoguchi/db';
import type { Kysely } from 'kysely';
import type { Tenant } from './tenants.types';

type Row = { lg_code: string; name: string; created_at: Date };

function toTenant(row: Row): Tenant {
  return { lgCode: row.lg_code, name: row.name, createdAt: row.created_at };
}

/** Inserts the tenant; returns null when the code is taken. */
export async function insertTenant(db: Kysely<DB>, lgCode: string, name: string): Promise<Tenant | null> {
  const row = await db
    .insertInto('tenant')
    .values({ lg_code: lgCode, name })
    .onConflict((conflict) => conflict.column('lg_code').doNothing())
    .returning(['lg_code', 'name', 'created_at'])
    .executeTakeFirst();
  return row ? toTenant(row) : null;
}

export async function findTenants(db: Kysely<DB>): Promise<Tenant[]> {
  const rows = await db.selectFrom('tenant').select(['lg_code', 'name', 'created_at']).orderBy('lg_code').execute();
  return rows.map(toTenant);
}

export async function findTenant(db: Kysely<DB>, lgCode: string): Promise<Tenant | null> {
  const row = await db
    .selectFrom('tenant')
    .select(['lg_code', 'name', 'created_at'])
    .where('lg_code', '=', lgCode)
    .executeTakeFirst();
  return row ? toTenant(row) : null;
}
