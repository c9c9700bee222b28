import { addTenant, formatResidentsV1, generateDemoResidents, systemActor, todayInJapan } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LG, residentCookie, staffCookie } from '../../test/principals';
import { buildApp } from '../app';

const today = todayInJapan();
const person = (overrides: Record<string, unknown> = {}) => ({
  residentKind: 'japanese',
  relationship: '世帯主',
  familyName: '髙橋',
  givenName: '太郎',
  familyNameKana: 'タカハシ',
  givenNameKana: 'タロウ',
  birthDate: '1980-04-01',
  sex: 1,
  ...overrides,
});

describe('registry API', () => {
  let db: Database;
  let app: FastifyInstance;
  let officer: string;
  let clerk: string;
  let supportDesk: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    app = await buildApp({ db, logger: false });
    officer = await staffCookie(db, 'officer-1', ['registry-officer'], 'individual-number');
    clerk = await staffCookie(db, 'clerk-1', ['counter-clerk'], 'individual-number');
    supportDesk = await staffCookie(db, 'desk-1', ['support-measure-officer'], 'individual-number');
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const post = (url: string, cookie: string, payload: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

  async function moveIn() {
    const response = await post('/api/v1/registry/movements/move-in', officer, {
      effectiveOn: today,
      notifiedOn: today,
      previousAddress: 'デモ県サンプル町1番地',
      destination: { postalCode: '999-0001', address: 'デモ県デモ市中央一丁目1番1号', addressDetail: null },
      persons: [
        person(),
        person({ relationship: '子', givenName: '花子', givenNameKana: 'ハナコ', sex: 2, birthDate: '2012-05-05' }),
      ],
    });
    expect(response.statusCode).toBe(200);
    return response.json() as { movementId: string; personIds: string[]; householdId: string };
  }

  it('records movements, finds, reads and shows history over HTTP; no personal data in URLs', async () => {
    const moved = await moveIn();
    const [head, child] = moved.personIds as [string, string];
    const found = await post('/api/v1/registry/residents/search', clerk, { name: '高橋', birthDate: '1980-04-01' });
    expect(found.json().residents.map((r: { personId: string }) => r.personId)).toContain(head);
    const read = await post('/api/v1/registry/residents/get', clerk, { personId: head });
    expect(read.json()).toMatchObject({
      record: { personId: head, familyName: '髙橋', householdId: moved.householdId },
      supportMeasure: null,
    });
    const relocated = await post('/api/v1/registry/movements/relocation', officer, {
      householdId: moved.householdId,
      destination: { address: 'デモ県デモ市緑町二丁目3番4号' },
      effectiveOn: today,
      notifiedOn: today,
    });
    expect(relocated.statusCode).toBe(200);
    const history = await post('/api/v1/registry/residents/history', officer, { personId: head });
    expect(history.json().versions.map((v: { address: string }) => v.address)).toEqual([
      'デモ県デモ市中央一丁目1番1号',
      'デモ県デモ市緑町二丁目3番4号',
    ]);
    const cancelled = await post('/api/v1/registry/movements/cancel', officer, {
      movementId: relocated.json().movementId,
      reason: '誤入力',
    });
    expect(cancelled.json()).toMatchObject({ reasonCode: 'cancel-change', personIds: [head, child] });
    const corrected = await post('/api/v1/registry/movements/correction', officer, {
      personId: child,
      kind: 'clerical-error-correction',
      changes: { givenName: '華子' },
      reason: '誤記',
    });
    expect(corrected.statusCode).toBe(200);
    const born = await post('/api/v1/registry/movements/birth', officer, {
      householdId: moved.householdId,
      child: person({ relationship: '子', givenName: '三郎', birthDate: today }),
      notifiedOn: today,
    });
    expect(born.json().reasonCode).toBe('birth');
    const out = await post('/api/v1/registry/movements/move-out', officer, {
      householdId: moved.householdId,
      personIds: [child],
      plannedDestination: 'デモ県サンプル市',
      plannedMoveOn: today,
      notifiedOn: today,
    });
    expect(out.json().certificate[0]).toMatchObject({ personId: child, plannedDestination: 'デモ県サンプル市' });
    const headChange = await post('/api/v1/registry/movements/household', officer, {
      kind: 'head-change',
      householdId: moved.householdId,
      relationships: { [head]: '世帯主', [born.json().personIds[0]]: '子' },
      effectiveOn: today,
      notifiedOn: today,
    });
    expect(headChange.json()).toMatchObject({ error: { details: { rule: 'SAME_HEAD' } } });
    const died = await post('/api/v1/registry/movements/death', officer, {
      personId: head,
      diedOn: today,
      notifiedOn: today,
    });
    expect(died.statusCode).toBe(200);
  });

  it('says what is wrong with a bad body, refuses the wrong role, and never shows a stack', async () => {
    const bad = await post('/api/v1/registry/movements/move-in', officer, {
      effectiveOn: '2024-02-30x',
      notifiedOn: today,
      previousAddress: null,
      destination: { address: '' },
      persons: [],
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.body).not.toMatch(/at \w+ \(|\.ts:\d+/);
    const typed = await post('/api/v1/registry/movements/correction', officer, {
      personId: '0000000019',
      kind: 'ex-officio-correction',
      changes: { familyName: 12 },
      reason: '職権',
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.details.problems).toEqual([{ field: 'changes.familyName', message: 'must be a string' }]);
    const refused = await post('/api/v1/registry/movements/move-in', clerk, {});
    expect(refused.statusCode).toBe(403);
    const rule = await post('/api/v1/registry/movements/move-in', officer, {
      effectiveOn: today,
      notifiedOn: today,
      previousAddress: 'x',
      destination: { address: 'デモ県デモ市' },
      persons: [person({ relationship: '子' }), person({ relationship: '子' })],
    });
    expect(rule.statusCode).toBe(422);
    expect(rule.json().error).toMatchObject({ code: 'MOVEMENT_REFUSED', details: { rule: 'HOUSEHOLD_HEAD' } });
  });

  it('support measures hold at the counter and online; the person gets their own copy', async () => {
    const moved = await moveIn();
    const [head, child] = moved.personIds as [string, string];
    const set = await post('/api/v1/registry/support-measures', supportDesk, {
      action: 'start',
      personId: child,
      kind: 'full',
      reason: 'DV-1',
    });
    expect(set.json().state).toMatchObject({ personId: child, kind: 'full' });
    expect(
      (await post('/api/v1/registry/support-measures', officer, { action: 'start', personId: child, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const read = await post('/api/v1/registry/residents/get', clerk, { personId: child });
    expect(read.json().supportMeasure).toMatchObject({ kind: 'full' });
    const counter = await post('/api/v1/registry/certificates', clerk, {
      personId: head,
      household: true,
      requester: 'household-member',
    });
    expect(counter.statusCode).toBe(403);
    expect(counter.json().error.code).toBe('SUPPORT_MEASURE_BLOCKED');
    const plain = await post('/api/v1/registry/certificates', clerk, { personId: head, requester: 'self' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('application/pdf');
    expect(plain.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Number(plain.headers['x-issue-number'])).toBeGreaterThan(0);
    const parent = await residentCookie(db, head, 3);
    const online = await post('/api/v1/me/certificates', parent, { personId: child });
    expect(online.statusCode).toBe(403);
    expect(online.json().error.code).toBe('SUPPORT_MEASURE_BLOCKED');
    const own = await post('/api/v1/me/certificates', await residentCookie(db, child, 3), {});
    expect(own.statusCode).toBe(200);
    const stranger = await post('/api/v1/me/certificates', await residentCookie(db, '0000000000', 3), {
      personId: head,
    });
    expect(stranger.statusCode).toBe(403);
  });

  it('imports as a job with progress, exports the same file', async () => {
    const other = await createTestDatabase();
    await addTenant(other, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    const otherApp = await buildApp({ db: other, logger: false });
    try {
      const cookie = await staffCookie(other, 'officer-2', ['registry-officer'], 'individual-number');
      const records = [...generateDemoResidents({ residents: 250, seed: 'api', today })];
      const csv = (rows: typeof records) => [...formatResidentsV1(rows, { includeIndividualNumber: false })].join('');
      const file = csv(records);
      const started = await otherApp.inject({
        method: 'POST',
        url: '/api/v1/registry/imports',
        headers: { cookie, 'content-type': 'text/csv' },
        payload: file,
      });
      expect(started.statusCode).toBe(202);
      const { jobId } = started.json();
      let job = { status: 'validating', result: null as unknown };
      for (let i = 0; i < 100 && !['succeeded', 'failed'].includes(job.status); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        job = (
          await otherApp.inject({ method: 'GET', url: `/api/v1/registry/imports/${jobId}`, headers: { cookie } })
        ).json();
      }
      expect(job).toMatchObject({ status: 'succeeded', result: { rows: 250, inserted: 250 } });
      const exported = await otherApp.inject({
        method: 'POST',
        url: '/api/v1/registry/exports',
        headers: { cookie, 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(exported.headers['content-type']).toContain('text/csv');
      // Supported persons are left out of an export made without a recorded reason.
      expect(records.some((r) => r.supportMeasureUntil !== null)).toBe(true);
      expect(exported.body).toBe(csv(records.filter((r) => r.supportMeasureUntil === null)));
      const bad = await otherApp.inject({
        method: 'POST',
        url: '/api/v1/registry/imports',
        headers: { cookie, 'content-type': 'text/csv' },
        payload: 'person_id\n1\n',
      });
      const badId = bad.json().jobId;
      let failed = { status: '', result: null as unknown };
      for (let i = 0; i < 100 && failed.status !== 'failed'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        failed = (
          await otherApp.inject({ method: 'GET', url: `/api/v1/registry/imports/${badId}`, headers: { cookie } })
        ).json();
      }
      expect(failed).toMatchObject({
        status: 'failed',
        result: {
          code: 'IMPORT_INVALID',
          problems: expect.arrayContaining([expect.objectContaining({ code: 'MISSING_COLUMN' })]),
        },
      });
      const missing = await otherApp.inject({
        method: 'GET',
        url: '/api/v1/registry/imports/00000000-0000-0000-0000-000000000000',
        headers: { cookie },
      });
      expect(missing.statusCode).toBe(404);
    } finally {
      await otherApp.close();
      await other.close();
    }
  });
});
