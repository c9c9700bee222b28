import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import { type Actor, systemActor } from '../actor';
import { addTenant } from '../tenants';
import type { NewPersonInput } from './movements';

/** Test helpers for the registry: a migrated database with one municipality, synthetic persons. */
export const LG = '999997';
export const clerk: Actor = {
  kind: 'staff',
  id: 'staff-0001',
  terminalId: 'counter-1',
  zone: 'individual-number',
  department: 'citizen',
};

export async function registryTestDatabase(): Promise<Database> {
  const db = await createTestDatabase();
  await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
  return db;
}

export function person(overrides: Partial<NewPersonInput> = {}): NewPersonInput {
  return {
    residentKind: 'japanese',
    relationship: '世帯主',
    familyName: 'デモ',
    givenName: '太郎',
    familyNameKana: 'デモ',
    givenNameKana: 'タロウ',
    birthDate: '1980-04-01',
    sex: 1,
    ...overrides,
  };
}

export const DEMO_ADDRESS = { postalCode: '999-0001', address: 'デモ県デモ市中央一丁目1番1号', addressDetail: null };
