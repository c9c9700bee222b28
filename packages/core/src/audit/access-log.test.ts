import type { Database } from '@madoguchi/db';
import { createTestDatabase, sealedAudit } from '@madoguchi/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../actor';
import { addTenant } from '../tenants';
import { holdAccessLogEntry, listMyAccessLog } from './access-log';
import { appendAudit } from './append-audit';

const LG = '999997';
const ME = '000000000001';

describe("the resident's access log", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    const read = (purpose: string, subject = ME) => ({
      lgCode: LG,
      action: 'registry.person.read' as const,
      purpose,
      result: 'allowed' as const,
      subjectPersonIds: [subject],
      dataCategory: 'basic-resident-record',
    });
    await db.kysely.transaction().execute(async (trx) => {
      await appendAudit(trx, { kind: 'staff', id: 'staff-1', department: 'citizen' }, [read('certificate-issuance')]);
      await appendAudit(trx, { kind: 'staff', id: 'staff-2', department: 'tax' }, [read('tax-assessment')]);
      await appendAudit(trx, { kind: 'staff', id: 'staff-3', department: 'police-liaison' }, [read('investigation')]);
      await appendAudit(trx, { kind: 'staff', id: 'staff-1', department: 'citizen' }, [read('other', '000000000002')]);
      await appendAudit(trx, { kind: 'resident', id: ME }, [read('self-service')]);
    });
    await holdAccessLogEntry(db, {
      lgCode: LG,
      seq: 3,
      holdUntil: '2027-06-01',
      legalBasis: 'investigation (example)',
      heldBy: 'staff-9',
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it("lists staff accesses to the resident's data, newest first, holding back withheld entries", async () => {
    const entries = await listMyAccessLog(db, { lgCode: LG, personId: ME }, new Date('2026-12-01'));
    expect(entries.map((e) => [e.department, e.purpose])).toEqual([
      ['tax', 'tax-assessment'],
      ['citizen', 'certificate-issuance'],
    ]);
  });

  it('shows a withheld entry from its release date', async () => {
    const entries = await listMyAccessLog(db, { lgCode: LG, personId: ME }, new Date('2027-06-01T00:00:00Z'));
    expect(entries.map((e) => e.purpose)).toEqual(['investigation', 'tax-assessment', 'certificate-issuance']);
  });

  it('records each reading of the access log in the audit log', async () => {
    const rows = await (await sealedAudit(db.kysely))
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'audit.access-log.read')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});
