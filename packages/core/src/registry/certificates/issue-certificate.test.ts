import { execFileSync } from 'node:child_process';
import type { Database } from '@madoguchi/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditRecords } from '../../audit';
import { popplerAvailable } from '../../pdf/poppler.testing';
import { addDays, todayInJapan } from '../clock';
import { recordDeath, recordMoveIn } from '../movements';
import { setSupportMeasure } from '../support-measures';
import { clerk, DEMO_ADDRESS, LG, person, registryTestDatabase } from '../test-fixtures';
import { issueCertificate } from '.';

const today = todayInJapan();
const text = (pdf: Uint8Array) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

describe.runIf(popplerAvailable())('certificate issuance (sections 300, 1000–1070)', () => {
  let db: Database;
  let head: string;
  let child: string;
  let grandma: string;
  beforeAll(async () => {
    db = await registryTestDatabase();
    const moved = await recordMoveIn(db, clerk, {
      lgCode: LG,
      effectiveOn: addDays(today, -20),
      notifiedOn: addDays(today, -20),
      previousAddress: 'デモ県サンプル町',
      destination: DEMO_ADDRESS,
      persons: [
        person({ familyName: '𠮷田', givenName: '髙子', sex: 2 }),
        person({ familyName: '𠮷田', relationship: '子', givenName: '一郎', birthDate: '2015-03-03' }),
        person({ familyName: '𠮷田', relationship: '母', givenName: 'ハル', birthDate: '1940-01-01', sex: 2 }),
      ],
    });
    [head, child, grandma] = moved.personIds as [string, string, string];
    await recordDeath(db, clerk, { lgCode: LG, personId: grandma, diedOn: addDays(today, -2), notifiedOn: today });
  });
  afterAll(async () => {
    await db.close();
  });

  it('issues a 住民票の写し of the household with numbered, recorded, audited issue; optional items omitted', async () => {
    const issued = await issueCertificate(db, clerk, {
      lgCode: LG,
      kind: 'resident-copy',
      personId: head,
      household: true,
      requester: 'self',
      channel: 'counter',
    });
    expect(issued.personIds).toEqual([head, child]);
    expect(issued.pdf.length).toBeLessThan(500 * 1024);
    const printed = text(issued.pdf);
    expect(printed).toContain('住民票の写し');
    expect(printed).toContain('𠮷田');
    expect(printed).toContain(`交付番号 ${issued.issueNo}`);
    expect(printed).not.toContain('ハル');
    const history = await db.kysely.selectFrom('certificate_issuance').selectAll().where('lg_code', '=', LG).execute();
    expect(history).toEqual([
      expect.objectContaining({
        issue_no: issued.issueNo,
        kind: 'resident-copy',
        person_ids: [head, child],
        requester_kind: 'self',
        channel: 'counter',
        items: [],
      }),
    ]);
    const audit = (await findAuditRecords(db.kysely, LG, 0, 100)).filter(
      (a) => a.action === 'registry.certificate.issue',
    );
    expect(audit.at(-1)).toMatchObject({ result: 'allowed', subjectPersonIds: [child, head].sort() });
  });

  it('issues a 除票の写し only for a removed record, and numbers issues in sequence', async () => {
    await expect(
      issueCertificate(db, clerk, {
        lgCode: LG,
        kind: 'removed-copy',
        personId: head,
        requester: 'self',
        channel: 'counter',
      }),
    ).rejects.toMatchObject({ details: { rule: 'CERTIFICATE_KIND' } });
    const a = await issueCertificate(db, clerk, {
      lgCode: LG,
      kind: 'removed-copy',
      personId: grandma,
      requester: 'household-member',
      channel: 'counter',
    });
    const b = await issueCertificate(db, clerk, {
      lgCode: LG,
      kind: 'entry-certificate',
      personId: child,
      items: ['name', 'birthDate', 'address'],
      requester: 'household-member',
      channel: 'counter',
    });
    expect(b.issueNo).toBe(a.issueNo + 1);
    expect(text(a.pdf)).toContain('除票');
    expect(text(b.pdf)).toContain('記載事項証明書');
  });

  it('refuses a third party the individual number, resident code or 本籍', async () => {
    await expect(
      issueCertificate(db, clerk, {
        lgCode: LG,
        kind: 'resident-copy',
        personId: head,
        requester: 'third-party',
        channel: 'counter',
        include: { individualNumber: true },
      }),
    ).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });

  it('refuses anyone but the supported person, in every channel, with an alert row and no issue', async () => {
    await setSupportMeasure(db, clerk, {
      action: 'start',
      lgCode: LG,
      personId: child,
      kind: 'full',
      reason: 'case-9',
    });
    const before = await db.kysely.selectFrom('certificate_issuance').select('issue_no').execute();
    for (const channel of ['counter', 'online', 'cli', 'api'] as const) {
      await expect(
        issueCertificate(db, clerk, {
          lgCode: LG,
          kind: 'resident-copy',
          personId: head,
          household: true,
          requester: 'household-member',
          channel,
        }),
      ).rejects.toMatchObject({ code: 'SUPPORT_MEASURE_BLOCKED' });
    }
    await expect(
      issueCertificate(db, clerk, {
        lgCode: LG,
        kind: 'resident-copy',
        personId: child,
        requester: 'third-party',
        channel: 'counter',
      }),
    ).rejects.toMatchObject({ code: 'SUPPORT_MEASURE_BLOCKED' });
    const own = await issueCertificate(db, clerk, {
      lgCode: LG,
      kind: 'resident-copy',
      personId: child,
      requester: 'self',
      requesterPersonId: child,
      channel: 'online',
    });
    expect(own.personIds).toEqual([child]);
    const after = await db.kysely.selectFrom('certificate_issuance').select('issue_no').execute();
    expect(after).toHaveLength(before.length + 1);
    const alerts = (await findAuditRecords(db.kysely, LG, 0, 200)).filter((a) => a.result === 'alert');
    expect(alerts.map((a) => JSON.parse(a.detailsText).channel)).toEqual([
      'counter',
      'online',
      'cli',
      'api',
      'counter',
    ]);
  });
});
