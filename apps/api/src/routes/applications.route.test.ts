import { addDays, addTenant, recordMoveIn, syncProcedureCatalog, systemActor, todayInJapan } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LG, residentCookie, staffCookie } from '../../test/principals';
import { buildApp } from '../app';

const today = todayInJapan();
const staffActorForSetup = { kind: 'staff' as const, id: 'setup', zone: 'individual-number' as const };
const BANK = {
  bankName: 'デモ銀行',
  branchName: '本店',
  accountType: 'ordinary',
  accountNumber: '7654321',
  accountHolderKana: 'デモ ハナコ',
};

describe('applications and cases over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let parent: string;
  let card: string;
  let email: string;
  let worker: string;
  let otherDepartment: string;
  let counterDesk: string;
  let roadsCounterDesk: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    await syncProcedureCatalog(db, systemActor('test'), LG);
    const moved = await recordMoveIn(db, staffActorForSetup, {
      lgCode: LG,
      effectiveOn: addDays(today, -10),
      notifiedOn: addDays(today, -10),
      previousAddress: 'デモ県サンプル町1番',
      destination: { postalCode: '999-0001', address: 'デモ県デモ市中央一丁目1番1号', addressDetail: null },
      persons: [
        {
          residentKind: 'japanese',
          relationship: '世帯主',
          familyName: 'デモ',
          givenName: '花子',
          birthDate: '1990-01-01',
          sex: 2,
        },
        {
          residentKind: 'japanese',
          relationship: '子',
          familyName: 'デモ',
          givenName: '一郎',
          birthDate: addDays(today, -900),
          sex: 1,
        },
      ],
    });
    parent = moved.personIds[0] as string;
    app = await buildApp({ db, logger: false });
    card = await residentCookie(db, parent, 3);
    email = await residentCookie(db, parent, 1);
    worker = await staffCookie(db, 'cw-1', ['case-worker'], 'lgwan', ['child-support']);
    otherDepartment = await staffCookie(db, 'cw-2', ['case-worker'], 'lgwan', ['roads']);
    counterDesk = await staffCookie(db, 'cw-3', ['case-worker'], 'individual-number', ['child-support']);
    roadsCounterDesk = await staffCookie(db, 'cw-4', ['case-worker'], 'individual-number', ['roads']);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie?: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
    });

  it('lists the catalog publicly, in three languages, and gives a definition by version', async () => {
    const list = await call('GET', `/api/v1/tenants/${LG}/procedures`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { procedureId: string; names: Record<string, string> }[];
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(items.find((i) => i.procedureId === 'child-allowance')?.names['easy-ja']).toContain('じどう');
    const one = await call('GET', `/api/v1/tenants/${LG}/procedures/child-allowance?version=1`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ procedureId: 'child-allowance', version: 1, status: 'published' });
    expect((await call('GET', `/api/v1/tenants/${LG}/procedures/no-such-thing`)).statusCode).toBe(404);
  });

  it('asks for a stronger login when the procedure needs one, and lets a level-1 login apply where it may', async () => {
    const refused = await call('POST', '/api/v1/me/applications', email, { procedureId: 'child-allowance' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toMatchObject({ code: 'STEP_UP_REQUIRED', details: { required: 3 } });
    const allowed = await call('POST', '/api/v1/me/applications', email, { procedureId: 'bulky-waste-collection' });
    expect(allowed.statusCode).toBe(201);
    expect(allowed.json().answers.collectionAddress ?? allowed.json().answers).toBeTruthy();
  });

  it('a resident applies page by page, a case worker approves and notifies, the resident sees the decision and the notice', async () => {
    const started = await call('POST', '/api/v1/me/applications', card, { procedureId: 'child-allowance' });
    expect(started.statusCode).toBe(201);
    const id = started.json().applicationId as string;
    const base = `/api/v1/me/applications/${id}`;
    const children = (started.json().answers.children as Record<string, unknown>[]).map((c) => ({
      ...c,
      livesWithApplicant: 'yes',
    }));
    expect(children).toHaveLength(1);
    const invalid = await call('POST', `${base}/answers`, card, { answers: { phone: '123', pension: 'gold' } });
    expect(invalid.statusCode).toBe(422);
    expect(
      invalid
        .json()
        .error.details.problems.map((p: { field: string }) => p.field)
        .sort(),
    ).toEqual(['pension', 'phone']);
    for (const answers of [
      { phone: '090-1234-5678' },
      { pension: 'national-pension' },
      { hasSpouse: 'no' },
      { children },
      { bank: BANK },
    ]) {
      expect((await call('POST', `${base}/answers`, card, { answers })).statusCode).toBe(200);
    }
    const submitted = await call('POST', `${base}/submit`, card, { declaration: true });
    expect(submitted.statusCode).toBe(200);
    const receiptNo = submitted.json().receiptNo as string;
    const copy = await call('GET', `${base}/documents/submission-copy`, card);
    expect(copy.statusCode).toBe(200);
    expect(copy.headers['content-type']).toBe('application/pdf');
    expect(copy.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const inbox = await call('POST', '/api/v1/cases/search', worker, { open: true });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().cases.map((c: { receiptNo: string }) => c.receiptNo)).toContain(receiptNo);
    expect((await call('GET', `/api/v1/cases/${id}`, otherDepartment)).statusCode).toBe(403);
    const opened = await call('GET', `/api/v1/cases/${id}`, worker);
    expect(opened.json().application.answers.bank.accountNumber).toBe('7654321');
    expect((await call('POST', `/api/v1/cases/${id}/assign`, worker, { assignee: 'cw-1' })).json()).toEqual({
      status: 'in-review',
      assignedTo: 'cw-1',
    });
    // 続柄 told by the resident: a key must be a 宛名番号, and a child allowance moves nobody.
    const decide = (householdRelationships: object) =>
      call('POST', `/api/v1/cases/${id}/decision`, worker, {
        decisionId: 'approve',
        notify: true,
        householdRelationships,
      });
    const badKey = await decide({ newHousehold: { 'my-child': '世帯主' } });
    expect([badKey.statusCode, badKey.json().error.code, badKey.json().error.details]).toEqual([
      400,
      'VALIDATION_FAILED',
      { problems: [expect.objectContaining({ field: 'body.householdRelationships.newHousehold.my-child' })] },
    ]);
    const noMove = await decide({ remaining: { '0000000001': '世帯主' } });
    expect([noMove.statusCode, noMove.json().error.details.problems[0].field]).toEqual([400, 'householdRelationships']);
    const decided = await call('POST', `/api/v1/cases/${id}/decision`, worker, { decisionId: 'approve', notify: true });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', notified: true });

    const seen = await call('GET', base, card);
    expect(seen.json().application.status).toBe('approved');
    expect(seen.json().events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'submitted', 'decided']);
    const notice = await call('GET', `${base}/documents/decision-notice`, card);
    expect(notice.statusCode).toBe(200);
    expect(notice.headers['content-disposition']).toBe(`attachment; filename="decision-notice-${receiptNo}.pdf"`);
    const mine = await call('GET', '/api/v1/me/applications', email);
    expect(mine.json().items.find((a: { applicationId: string }) => a.applicationId === id)).toMatchObject({
      status: 'approved',
      receiptNo,
    });
    // The application itself needs the login its procedure needs.
    expect((await call('GET', base, email)).json().error.code).toBe('STEP_UP_REQUIRED');
  });

  it('submits in one call, and refuses bad input with where it is wrong', async () => {
    const body = {
      procedureId: 'child-allowance',
      declaration: true,
      answers: {
        phone: '090-1111-2222',
        pension: 'employees-pension',
        hasSpouse: 'no',
        bank: BANK,
      },
    };
    const missing = await call('POST', '/api/v1/me/applications/submit', card, body);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details.problems.map((p: { field: string }) => p.field)).toEqual([
      'children.0.livesWithApplicant',
    ]);
    const children = [{ fullName: 'デモ 一郎', birthDate: addDays(today, -900), livesWithApplicant: 'yes' }];
    const ok = await call('POST', '/api/v1/me/applications/submit', card, {
      ...body,
      answers: { ...body.answers, children },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().receiptNo).toMatch(/^\d{4}-\d{6}$/);
    const overridden = await call('POST', '/api/v1/me/applications/submit', card, {
      ...body,
      answers: { ...body.answers, children, applicant: { fullName: '別人', birthDate: '1990-01-01', address: 'x' } },
    });
    expect(overridden.json().error.details.problems[0]).toMatchObject({ field: 'applicant.fullName', code: 'LOCKED' });
    const malformed = await call(
      'POST',
      '/api/v1/me/applications/submit',
      card,
      '{"procedureId": "child-allowance",\n "answers": {',
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details).toMatchObject({ line: 2 });
    expect(malformed.body).not.toContain('child-allowance');
    const noDeclaration = await call('POST', '/api/v1/me/applications/submit', card, { ...body, declaration: false });
    expect(noDeclaration.json().error.code).toBe('DECLARATION_REQUIRED');
  });

  it('takes attachments as the file itself and checks them', async () => {
    const started = await call('POST', '/api/v1/me/applications', card, { procedureId: 'road-damage-report' });
    const id = started.json().applicationId as string;
    const upload = (type: string, bytes: Buffer) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/me/applications/${id}/attachments/photo`,
        headers: { cookie: card, 'content-type': type },
        payload: bytes,
      });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3]);
    const added = await upload('image/jpeg', jpeg);
    expect(added.statusCode).toBe(201);
    expect((await upload('image/png', jpeg)).json().error.code).toBe('ATTACHMENT_INVALID');
    expect((await upload('application/zip', jpeg)).statusCode).toBe(415);
    const file = await call('GET', `/api/v1/me/applications/${id}/documents/${added.json().documentId}`, card);
    expect(file.rawPayload.equals(jpeg)).toBe(true);
    const documentPath = `/api/v1/me/applications/${id}/documents/${added.json().documentId}`;
    expect((await call('DELETE', documentPath, worker)).statusCode).toBe(403);
    const removed = await call('DELETE', documentPath, card);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ removed: added.json().documentId });
    expect((await call('GET', documentPath, card)).statusCode).toBe(404);
    expect((await call('DELETE', documentPath, card)).json().error).toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    expect((await call('DELETE', `/api/v1/me/applications/${id}/documents/submission-copy`, card)).statusCode).toBe(
      400,
    );
  });

  it('lets staff apply for the resident at the counter, from the register, with the identity document seen', async () => {
    const preview = await call('POST', '/api/v1/counter/prefill', counterDesk, {
      procedureId: 'child-allowance',
      personId: parent,
    });
    expect(preview.statusCode).toBe(200);
    const { answers, lockedAnswers } = preview.json();
    expect(answers.applicant.fullName).toBe('デモ 花子');
    expect(lockedAnswers).toContain('applicant.fullName');
    const body = {
      procedureId: 'child-allowance',
      personId: parent,
      declaration: true,
      identityDocument: 'driving-licence',
      answers: {
        phone: '090-3333-4444',
        pension: 'employees-pension',
        hasSpouse: 'no',
        bank: BANK,
        children: answers.children.map((c: object) => ({ ...c, livesWithApplicant: 'yes' })),
      },
    };
    const submitted = await call('POST', '/api/v1/counter/applications', counterDesk, body);
    expect(submitted.statusCode).toBe(201);
    const applicationId = submitted.json().applicationId as string;
    const seen = await call('GET', `/api/v1/cases/${applicationId}`, worker);
    expect(seen.json().application).toMatchObject({ channel: 'counter', status: 'submitted' });
    const mine = await call('GET', '/api/v1/me/applications', card);
    expect(mine.json().items.map((a: { applicationId: string }) => a.applicationId)).toContain(applicationId);
    // The resident sees in their access log that the counter read their record and applied for them.
    const log = await call('POST', '/api/v1/me/access-log', card, {});
    const counterRows = log
      .json()
      .items.filter((e: { action: string }) =>
        ['application.counter-preview', 'application.submit'].includes(e.action),
      );
    expect(counterRows).toEqual([
      expect.objectContaining({
        action: 'application.submit',
        department: 'child-support',
        purpose: 'child-allowance-eligibility',
      }),
      expect.objectContaining({ action: 'application.counter-preview', department: 'child-support' }),
    ]);

    const badDocument = await call('POST', '/api/v1/counter/applications', counterDesk, {
      ...body,
      identityDocument: 'library-card',
    });
    expect(badDocument.statusCode).toBe(400);
    expect(badDocument.body).toContain('identityDocument');
    const { identityDocument: _seen, ...withoutDocument } = body;
    expect((await call('POST', '/api/v1/counter/applications', counterDesk, withoutDocument)).statusCode).toBe(400);
    const otherDesk = await call('POST', '/api/v1/counter/applications', roadsCounterDesk, body);
    expect(otherDesk.statusCode).toBe(403);
    expect(otherDesk.json().error.code).toBe('ACCESS_DENIED');
    expect(otherDesk.body).not.toContain(parent);
    // The case worker's LGWAN terminal handles cases, but reads no register at the counter.
    const fromLgwan = await call('POST', '/api/v1/counter/prefill', worker, {
      procedureId: 'child-allowance',
      personId: parent,
    });
    expect(fromLgwan.statusCode).toBe(403);
    expect(
      (await call('POST', '/api/v1/counter/prefill', card, { procedureId: 'child-allowance', personId: parent }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('POST', '/api/v1/counter/prefill', undefined, { procedureId: 'child-allowance', personId: parent }))
        .statusCode,
    ).toBe(401);
  });
});
