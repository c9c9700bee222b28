import { execFileSync } from 'node:child_process';
import type { Database } from '@madoguchi/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { popplerAvailable } from '../pdf/poppler.testing';
import { decideCase, getApplicationDocument } from '.';
import { applicationsTestDatabase, caseWorker, LG, residentOf, submitChildAllowance } from './test-fixtures';

const text = (pdf: Uint8Array) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

describe.runIf(popplerAvailable())('notices and copies as PDF', () => {
  let db: Database;
  let parent: string;
  beforeEach(async () => {
    ({ db, parent } = await applicationsTestDatabase());
  });
  afterEach(async () => {
    await db.close();
  });

  const submitted = () => submitChildAllowance(db, parent, { fullName: 'デモ 𠮷子', birthDate: '2022-01-01' });

  it('a refusal notice gives the reason, the receipt number and how to appeal, in the document font', async () => {
    const { applicationId, receiptNo } = await submitted();
    const staff = caseWorker();
    const reason = '申請者が公務員のため、勤務先から支給されます。';
    await decideCase(
      db,
      staff.actor,
      { lgCode: LG, applicationId, decisionId: 'reject', reason, notify: true },
      staff.principal,
    );
    const { actor, viewer } = residentOf(parent);
    const notice = await getApplicationDocument(
      db,
      actor,
      { lgCode: LG, applicationId, document: 'decision-notice' },
      viewer,
    );
    const words = text(notice.bytes).replace(/\s+/g, '');
    expect(words).toContain('児童手当認定請求却下通知書');
    expect(words).toContain(reason);
    expect(words).toContain(receiptNo);
    expect(words).toContain('審査請求');
    expect(words).toContain('デモ花子様');
    expect(notice.bytes.length).toBeLessThan(500_000);
  });

  it('a copy of the submission lists every answer in words, 𠮷 included', async () => {
    const { applicationId, receiptNo } = await submitted();
    const { actor, viewer } = residentOf(parent);
    const copy = await getApplicationDocument(
      db,
      actor,
      { lgCode: LG, applicationId, document: 'submission-copy' },
      viewer,
    );
    const words = text(copy.bytes).replace(/\s+/g, '');
    expect(words).toContain('申請内容の控え');
    expect(words).toContain(receiptNo);
    expect(words).toContain('デモ𠮷子');
    expect(words).toContain('厚生年金（会社員など）');
    expect(words).toContain('普通');
  });
});
