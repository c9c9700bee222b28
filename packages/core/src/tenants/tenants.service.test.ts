import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../actor';
import { addTenant, ensureTenant, getTenant, listTenants } from './tenants.service';

describe('tenants', () => {
  let db: Database;
  const actor = systemActor('test');
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.close();
  });

  it('adds and lists municipalities in code order', async () => {
    await addTenant(db, actor, { lgCode: '182079', name: '鯖江市' });
    await addTenant(db, actor, { lgCode: ' 131130', name: ' 渋谷区 ' });
    const tenants = await listTenants(db, actor);
    expect(tenants.map((t) => [t.lgCode, t.name])).toEqual([
      ['131130', '渋谷区'],
      ['182079', '鯖江市'],
    ]);
    expect(tenants[0]?.createdAt).toBeInstanceOf(Date);
  });

  it('refuses a wrong check digit and writes nothing', async () => {
    await expect(addTenant(db, actor, { lgCode: '131131', name: '渋谷区' })).rejects.toMatchObject({
      code: 'INVALID_LG_CODE',
      details: { field: 'lgCode', expectedCheckDigit: 0 },
    });
    expect(await listTenants(db, actor)).toEqual([]);
  });

  it('refuses a code that is already added', async () => {
    await addTenant(db, actor, { lgCode: '999997', name: 'デモ市' });
    await expect(addTenant(db, actor, { lgCode: '999997', name: '別の名前' })).rejects.toMatchObject({
      code: 'TENANT_EXISTS',
    });
    expect((await getTenant(db, actor, '999997')).name).toBe('デモ市');
  });

  it('refuses empty, overlong and control-character names', async () => {
    for (const name of ['', '   ', 'あ'.repeat(101), '市\u0007']) {
      await expect(addTenant(db, actor, { lgCode: '999997', name })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'name' },
      });
    }
    expect(await listTenants(db, actor)).toEqual([]);
  });

  it('keeps characters outside the BMP and variation sequences intact', async () => {
    const name = '𠮷野町葛\u{E0100}'; // 𠮷 is outside the BMP; 葛 + IVS selector
    await addTenant(db, actor, { lgCode: '999997', name });
    expect((await getTenant(db, actor, '999997')).name).toBe(name);
  });

  it('ensures a municipality idempotently', async () => {
    const first = await ensureTenant(db, actor, { lgCode: '999997', name: 'デモ市' });
    const second = await ensureTenant(db, actor, { lgCode: '999997', name: 'デモ市' });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.tenant.lgCode).toBe('999997');
  });

  it('reports a municipality that is not there', async () => {
    await expect(getTenant(db, actor, '131130')).rejects.toMatchObject({ code: 'TENANT_NOT_FOUND' });
  });
});
