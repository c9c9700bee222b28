import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { AppError } from '../errors';
import { parseLgCode } from './lg-code';
import { parseTenantName } from './tenant-name';
import { findTenant, findTenants, insertTenant } from './tenants.repository';
import type { AddTenantInput, Tenant } from './tenants.types';

/** Adds a municipality. Refuses an invalid code (INVALID_LG_CODE) or one already added (TENANT_EXISTS). */
export async function addTenant(db: Database, _actor: Actor, input: AddTenantInput): Promise<Tenant> {
  const lgCode = parseLgCode(input.lgCode);
  const name = parseTenantName(input.name);
  const tenant = await insertTenant(db.kysely, lgCode, name);
  if (!tenant) throw new AppError('TENANT_EXISTS', `municipality ${lgCode} is already added`, { lgCode });
  return tenant;
}

/** Adds the municipality unless it is there already; returns it and whether it was created. */
export async function ensureTenant(
  db: Database,
  actor: Actor,
  input: AddTenantInput,
): Promise<{ tenant: Tenant; created: boolean }> {
  try {
    return { tenant: await addTenant(db, actor, input), created: true };
  } catch (error) {
    if (error instanceof AppError && error.code === 'TENANT_EXISTS') {
      return { tenant: await getTenant(db, actor, input.lgCode), created: false };
    }
    throw error;
  }
}

export async function listTenants(db: Database, _actor: Actor): Promise<Tenant[]> {
  return findTenants(db.kysely);
}

export async function getTenant(db: Database, _actor: Actor, lgCodeInput: string): Promise<Tenant> {
  const lgCode = parseLgCode(lgCodeInput);
  const tenant = await findTenant(db.kysely, lgCode);
  if (!tenant)
    throw new AppError('TENANT_NOT_FOUND', `municipality ${lgCode} is not added to this deployment`, { lgCode });
  return tenant;
}
