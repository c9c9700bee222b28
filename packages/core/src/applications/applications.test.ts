import type { Database } from '@madoguchi/db';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAuditRecords } from '../audit';
import { setSupportMeasure } from '../registry/support-measures';
import { clerk } from '../registry/test-fixtures';
import {
  addAttachment,
  assignCase,
  decideCase,
  findCases,
  getApplication,
  getApplicationDocument,
  listMyApplications,
  removeAttachment,
  replyToApplication,
  requestInformation,
  saveAnswers,
  startApplication,
  submitApplication,
  withdrawApplication,
  writeToCase,
} from '.';
import { applicationsTestDatabase, BANK, caseWorker, LG, residentOf, submitChildAllowance } from './test-fixtures';

/** The household's elder child, as the resident names them. */
const ICHIRO = { fullName: 'デモ 一郎', birthDate: '2020-04-01' };

describe('applications: start with the register filled in, save, submit, case handling, decision', () => {
  let db: Database;
  let parent: string;
  let children: [string, string];
  beforeEach(async () => {
    ({ db, parent, children } = await applicationsTestDatabase());
  });
  afterEach(async () => {
    await db.close();
  });

  async function startChildAllowance() {
    const { actor } = residentOf(parent);
    return startApplication(db, actor, {
      lgCode: LG,
      procedureId: 'child-allowance',
      applicantPersonId: parent,
      channel: 'online',
      assuranceLevel: 3,
    });
  }

  /** A report that needs only a level-1 login, with an optional photo. */
  async function startRoadDamageReport() {
    return startApplication(db, residentOf(parent).actor, {
      lgCode: LG,
      procedureId: 'road-damage-report',
      applicantPersonId: parent,
      channel: 'online',
      assuranceLevel: 1,
    });
  }

  async function fillAndSubmit(applicationId: string) {
    const { actor, viewer } = residentOf(parent);
    const ids = { lgCode: LG, applicationId };
    const current = await getApplication(db, actor, ids, viewer);
    const kids = (current.application.answers.children as Record<string, unknown>[]).map((c) => ({
      ...c,
      livesWithApplicant: 'yes',
    }));
    await saveAnswers(
      db,
      actor,
      { ...ids, answers: { phone: '090-1234-5678', pension: 'employees-pension', hasSpouse: 'no', children: kids } },
      viewer,
    );
    await saveAnswers(db, actor, { ...ids, answers: { bank: BANK } }, viewer);
    return submitApplication(db, actor, { ...ids, declaration: true }, viewer);
  }

  it('fills in the applicant and the children of the household from the register, and locks the register items', async () => {
    const started = await startChildAllowance();
    expect(started.status).toBe('draft');
    expect(started.procedureVersion).toBe(1);
    expect(started.answers.applicant).toEqual({
      fullName: 'デモ 花子',
      birthDate: '1988-05-05',
      address: 'デモ県デモ市中央一丁目1番1号',
    });
    const kids = started.answers.children as { personId: string; fullName: string; relationship: string }[];
    expect(kids.map((k) => k.personId)).toEqual(children);
    expect(kids.map((k) => k.fullName)).toEqual(['デモ 一郎', 'デモ 𠮷子']);
    expect(started.lockedAnswers).toEqual(['applicant.fullName', 'applicant.birthDate', 'applicant.address']);
    const audit = (await findAuditRecords(db.kysely, LG, 0, 200)).filter((a) => a.action === 'application.start');
    expect(audit).toHaveLength(1);
    expect([...(audit[0]?.subjectPersonIds ?? [])].sort()).toEqual([parent, ...children].sort());
    expect(audit[0]?.purpose).toBe('child-allowance-eligibility');
  });

  it('leaves a household member under a support measure out of what is filled in', async () => {
    await setSupportMeasure(db, clerk, {
      action: 'start',
      lgCode: LG,
      personId: children[1],
      kind: 'full',
      reason: 'DV-TEST',
    });
    const started = await startChildAllowance();
    const kids = started.answers.children as { personId: string }[];
    expect(kids.map((k) => k.personId)).toEqual([children[0]]);
  });

  it('refuses a login weaker than the procedure needs with STEP_UP_REQUIRED and the level, reading nothing', async () => {
    const { actor } = residentOf(parent);
    await expect(
      startApplication(db, actor, {
        lgCode: LG,
        procedureId: 'child-allowance',
        applicantPersonId: parent,
        channel: 'online',
        assuranceLevel: 2,
      }),
    ).rejects.toMatchObject({ code: 'STEP_UP_REQUIRED', details: { required: 3 } });
    const count = await db.kysely.selectFrom('application').select(db.kysely.fn.countAll().as('n')).executeTakeFirst();
    expect(Number(count?.n)).toBe(0);
  });

  it('refuses invalid answers field by field and saves none of them; refuses changing a register item', async () => {
    const started = await startChildAllowance();
    const { actor, viewer } = residentOf(parent);
    const ids = { lgCode: LG, applicationId: started.applicationId };
    await expect(
      saveAnswers(
        db,
        actor,
        { ...ids, answers: { phone: 'not a phone', bank: { ...BANK, accountNumber: '12', accountType: 'savings' } } },
        viewer,
      ),
    ).rejects.toMatchObject({
      code: 'ANSWERS_INVALID',
      details: {
        problems: expect.arrayContaining([
          expect.objectContaining({ field: 'phone', code: 'FORMAT' }),
          expect.objectContaining({ field: 'bank.accountNumber', code: 'PATTERN' }),
          expect.objectContaining({ field: 'bank.accountType', code: 'NOT_ALLOWED' }),
        ]),
      },
    });
    await expect(
      saveAnswers(
        db,
        actor,
        { ...ids, answers: { applicant: { fullName: '別人', birthDate: '1988-05-05', address: 'x' } } },
        viewer,
      ),
    ).rejects.toMatchObject({
      code: 'ANSWERS_INVALID',
      details: {
        problems: expect.arrayContaining([expect.objectContaining({ field: 'applicant.fullName', code: 'LOCKED' })]),
      },
    });
    const view = await getApplication(db, actor, ids, viewer);
    expect(view.application.answers.phone).toBeUndefined();
    expect((view.application.answers.applicant as { fullName: string }).fullName).toBe('デモ 花子');
    await expect(saveAnswers(db, actor, { ...ids, answers: { birthday: '2020-02-30' } }, viewer)).rejects.toMatchObject(
      { details: { problems: [expect.objectContaining({ field: 'birthday', code: 'UNKNOWN_FIELD' })] } },
    );
  });

  it('refuses to submit without the declaration or with missing answers, listing every one', async () => {
    const started = await startChildAllowance();
    const { actor, viewer } = residentOf(parent);
    const ids = { lgCode: LG, applicationId: started.applicationId };
    await expect(submitApplication(db, actor, { ...ids, declaration: false }, viewer)).rejects.toMatchObject({
      code: 'DECLARATION_REQUIRED',
    });
    const refused = submitApplication(db, actor, { ...ids, declaration: true }, viewer);
    await expect(refused).rejects.toMatchObject({ code: 'ANSWERS_INVALID' });
    const fields = ((await refused.catch((e) => e)).details.problems as { field: string }[]).map((p) => p.field).sort();
    expect(fields).toEqual([
      'bank',
      'children.0.livesWithApplicant',
      'children.1.livesWithApplicant',
      'hasSpouse',
      'pension',
      'phone',
    ]);
  });

  it('drops the answers of a page a later answer hides (spouse name after "no spouse")', async () => {
    const started = await startChildAllowance();
    const { actor, viewer } = residentOf(parent);
    const ids = { lgCode: LG, applicationId: started.applicationId };
    await saveAnswers(db, actor, { ...ids, answers: { hasSpouse: 'yes', spouseName: 'デモ 太郎' } }, viewer);
    const submitted = await fillAndSubmit(started.applicationId);
    expect(submitted.receiptNo).toMatch(/^\d{4}-\d{6}$/);
    const view = await getApplication(db, actor, ids, viewer);
    expect(view.application.answers.spouseName).toBeUndefined();
    expect(view.application.status).toBe('submitted');
  });

  it('submits with a receipt number, a target date, an outbox event and a PDF copy; nothing changes after', async () => {
    const started = await startChildAllowance();
    const submitted = await fillAndSubmit(started.applicationId);
    const second = await fillAndSubmit((await startChildAllowance()).applicationId);
    expect(Number(second.receiptNo.slice(5))).toBe(Number(submitted.receiptNo.slice(5)) + 1);
    const { actor, viewer } = residentOf(parent);
    const ids = { lgCode: LG, applicationId: started.applicationId };
    const events = await db.kysely
      .selectFrom('outbox_event')
      .selectAll()
      .where('subject', '=', started.applicationId)
      .execute();
    expect(events.map((e) => e.type)).toEqual(['jp.madoguchi.application.submitted']);
    expect(JSON.stringify(events[0]?.data)).not.toContain('花子');
    const copy = await getApplicationDocument(db, actor, { ...ids, document: 'submission-copy' }, viewer);
    expect(copy.mediaType).toBe('application/pdf');
    expect(Buffer.from(copy.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const again = await getApplicationDocument(db, actor, { ...ids, document: 'submission-copy' }, viewer);
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(copy.bytes))).toBe(0);
    await expect(saveAnswers(db, actor, { ...ids, answers: { phone: '090-0000-0000' } }, viewer)).rejects.toMatchObject(
      {
        code: 'APPLICATION_STATE',
        details: { status: 'submitted' },
      },
    );
    const mine = await listMyApplications(db, actor, { lgCode: LG, personId: parent });
    expect(mine.map((m) => m.status)).toEqual(['submitted', 'submitted']);
    expect(mine[0]?.names.ja).toBe('児童手当 認定請求');
  });

  it('shows an application to nobody else: another resident gets APPLICATION_NOT_FOUND, staff do not see drafts', async () => {
    const started = await startChildAllowance();
    const other = residentOf(children[0]);
    const ids = { lgCode: LG, applicationId: started.applicationId };
    await expect(getApplication(db, other.actor, ids, other.viewer)).rejects.toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
    });
    const staff = caseWorker();
    await expect(getApplication(db, staff.actor, ids, staff.viewer)).rejects.toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
    });
    await expect(
      getApplication(db, other.actor, { lgCode: LG, applicationId: 'not-a-uuid' }, other.viewer),
    ).rejects.toMatchObject({ code: 'APPLICATION_NOT_FOUND' });
  });

  it('takes a case through the department: inbox, assignment, a request for information, the reply, a note, approval with notice', async () => {
    const started = await startChildAllowance();
    const submitted = await fillAndSubmit(started.applicationId);
    const staff = caseWorker();
    const ids = { lgCode: LG, applicationId: started.applicationId };
    const inbox = await findCases(db, staff.actor, { lgCode: LG, principal: staff.principal, filters: { open: true } });
    expect(inbox.cases.map((c) => c.receiptNo)).toEqual([submitted.receiptNo]);
    const elsewhere = caseWorker(['citizen']);
    expect(
      (await findCases(db, elsewhere.actor, { lgCode: LG, principal: elsewhere.principal, filters: {} })).cases,
    ).toEqual([]);
    await expect(getApplication(db, elsewhere.actor, ids, elsewhere.viewer)).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
    });
    const denied = (await findAuditRecords(db.kysely, LG, 0, 500)).filter((a) => a.result === 'denied');
    expect(denied.map((a) => a.action)).toEqual(['procedure.case.read']);

    expect(await assignCase(db, staff.actor, { ...ids, assignee: staff.principal.staffId }, staff.principal)).toEqual({
      status: 'in-review',
      assignedTo: staff.principal.staffId,
    });
    const mine = await findCases(db, staff.actor, {
      lgCode: LG,
      principal: staff.principal,
      filters: { assignedToMe: true },
    });
    expect(mine.cases).toHaveLength(1);
    await requestInformation(db, staff.actor, { ...ids, body: '別居している児童はいませんか。' }, staff.principal);
    await writeToCase(db, staff.actor, { ...ids, body: '口座は確認済み', internal: true }, staff.principal);
    const resident = residentOf(parent);
    const asked = await getApplication(db, resident.actor, ids, resident.viewer);
    expect(asked.application.status).toBe('information-requested');
    expect(asked.events.map((e) => e.kind)).toEqual(['created', 'submitted', 'information-requested']);
    expect(await replyToApplication(db, resident.actor, { ...ids, body: 'いません。' }, resident.viewer)).toEqual({
      status: 'in-review',
    });
    await expect(
      decideCase(db, staff.actor, { ...ids, decisionId: 'reject', notify: true }, staff.principal),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { problems: [{ field: 'reason' }] } });
    const decided = await decideCase(db, staff.actor, { ...ids, decisionId: 'approve', notify: true }, staff.principal);
    expect(decided).toMatchObject({ status: 'approved', notified: true, registry: null });
    await expect(
      decideCase(db, staff.actor, { ...ids, decisionId: 'reject', reason: 'x', notify: true }, staff.principal),
    ).rejects.toMatchObject({ code: 'APPLICATION_STATE' });

    const seen = await getApplication(db, resident.actor, ids, resident.viewer);
    expect(seen.events.map((e) => e.kind)).toEqual([
      'created',
      'submitted',
      'information-requested',
      'resident-replied',
      'decided',
    ]);
    const staffView = await getApplication(db, staff.actor, ids, staff.viewer);
    expect(staffView.events.map((e) => e.kind)).toContain('note');
    const notice = await getApplicationDocument(
      db,
      resident.actor,
      { ...ids, document: 'decision-notice' },
      resident.viewer,
    );
    expect(notice.fileName).toBe(`decision-notice-${submitted.receiptNo}.pdf`);
    const types = await db.kysely
      .selectFrom('outbox_event')
      .select('type')
      .where('subject', '=', ids.applicationId)
      .execute();
    expect(types.map((t) => t.type)).toEqual([
      'jp.madoguchi.application.submitted',
      'jp.madoguchi.application.assigned',
      'jp.madoguchi.application.information-requested',
      'jp.madoguchi.application.resident-replied',
      'jp.madoguchi.application.decided',
    ]);
  });

  it('one-call submission: the application, its event, the outbox event and the audit row, all with the receipt', async () => {
    const submitted = await submitChildAllowance(db, parent, ICHIRO);
    const audit = (await findAuditRecords(db.kysely, LG, 0, 500)).filter((a) => a.action === 'application.submit');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detailsText ?? '{}')).toMatchObject({
      applicationId: submitted.applicationId,
      receiptNo: submitted.receiptNo,
    });
    expect([...(audit[0]?.subjectPersonIds ?? [])].sort()).toEqual([parent, ...children].sort());
    const outbox = await db.kysely
      .selectFrom('outbox_event')
      .selectAll()
      .where('subject', '=', submitted.applicationId)
      .execute();
    expect(outbox.map((e) => e.data)).toEqual([
      expect.objectContaining({ receiptNo: submitted.receiptNo, status: 'submitted' }),
    ]);
    const events = await db.kysely
      .selectFrom('application_event')
      .selectAll()
      .where('application_id', '=', submitted.applicationId)
      .execute();
    expect(events.map((e) => [e.kind, (e.data as { receiptNo?: string }).receiptNo])).toEqual([
      ['submitted', submitted.receiptNo],
    ]);
    await expect(submitChildAllowance(db, parent, ICHIRO, { phone: 'x' })).rejects.toMatchObject({
      code: 'ANSWERS_INVALID',
    });
    expect(await db.kysely.selectFrom('application').select('application_id').execute()).toHaveLength(1);
  });

  it('a submission that fails in the database at its last write leaves nothing half-saved, either way', async () => {
    const started = await startChildAllowance();
    // The outbox row is written last in both paths; make the database refuse it.
    await sql`create function refuse_outbox() returns trigger language plpgsql as $$
      begin raise exception 'outbox refused by the test'; end $$`.execute(db.kysely);
    await sql`create trigger refuse_outbox before insert on outbox_event
      for each row execute function refuse_outbox()`.execute(db.kysely);
    await expect(fillAndSubmit(started.applicationId)).rejects.toThrow(/outbox refused/);
    await expect(submitChildAllowance(db, parent, ICHIRO)).rejects.toThrow(/outbox refused/);

    const applications = await db.kysely
      .selectFrom('application')
      .select(['application_id', 'status', 'receipt_no', 'submitted_at'])
      .execute();
    expect(applications).toEqual([
      { application_id: started.applicationId, status: 'draft', receipt_no: null, submitted_at: null },
    ]);
    const kinds = await db.kysely.selectFrom('application_event').select('kind').execute();
    expect(kinds.map((e) => e.kind)).not.toContain('submitted');
    expect(await db.kysely.selectFrom('outbox_event').select('event_id').execute()).toEqual([]);
    const audit = await findAuditRecords(db.kysely, LG, 0, 500);
    expect(audit.filter((a) => a.action === 'application.submit')).toEqual([]);
    // Once the database takes it again, the same draft is submitted.
    await sql`drop trigger refuse_outbox on outbox_event`.execute(db.kysely);
    const { actor, viewer } = residentOf(parent);
    const submitted = await submitApplication(
      db,
      actor,
      { lgCode: LG, applicationId: started.applicationId, declaration: true },
      viewer,
    );
    expect(submitted.receiptNo).toMatch(/^\d{4}-\d{6}$/);
  });

  it('never changes an event of the history, even outside the service', async () => {
    const started = await startChildAllowance();
    await expect(
      sql`update application_event set body = 'x' where application_id = ${started.applicationId}`.execute(db.kysely),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from application_event where application_id = ${started.applicationId}`.execute(db.kysely),
    ).rejects.toThrow(/append-only/);
  });

  it('checks attachments by type, content and size, and requires the ones that apply', async () => {
    const { actor, viewer } = residentOf(parent);
    const started = await startRoadDamageReport();
    const ids = { lgCode: LG, applicationId: started.applicationId };
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const attachmentId = 'photo';
    await expect(
      addAttachment(db, actor, { ...ids, attachmentId, mediaType: 'image/png', content: jpeg }, viewer),
    ).rejects.toMatchObject({ code: 'ATTACHMENT_INVALID' });
    await expect(
      addAttachment(db, actor, { ...ids, attachmentId, mediaType: 'application/zip', content: jpeg }, viewer),
    ).rejects.toMatchObject({ code: 'ATTACHMENT_INVALID' });
    await expect(
      addAttachment(db, actor, { ...ids, attachmentId: 'nope', mediaType: 'image/jpeg', content: jpeg }, viewer),
    ).rejects.toMatchObject({ code: 'ATTACHMENT_INVALID', details: { field: 'attachmentId' } });
    const added = await addAttachment(
      db,
      actor,
      { ...ids, attachmentId, mediaType: 'image/jpeg', content: jpeg },
      viewer,
    );
    expect(added.fileName).toMatch(/^photo-[0-9a-f]{8}\.jpg$/);
    const file = await getApplicationDocument(db, actor, { ...ids, document: added.documentId }, viewer);
    expect([...file.bytes]).toEqual([...jpeg]);
    expect(await withdrawApplication(db, actor, ids, viewer)).toEqual({ status: 'withdrawn' });
  });

  it('takes back a file attached to a draft, never one of an application sent on, not even outside the service', async () => {
    const { actor, viewer } = residentOf(parent);
    const started = await startRoadDamageReport();
    const ids = { lgCode: LG, applicationId: started.applicationId };
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const attach = () =>
      addAttachment(db, actor, { ...ids, attachmentId: 'photo', mediaType: 'image/jpeg', content: jpeg }, viewer);
    const wrong = await attach();
    const right = await attach();

    const other = residentOf(children[0]);
    await expect(
      removeAttachment(db, other.actor, { ...ids, documentId: wrong.documentId }, other.viewer),
    ).rejects.toMatchObject({ code: 'APPLICATION_NOT_FOUND' });
    await expect(
      removeAttachment(db, actor, { ...ids, documentId: '00000000-0000-4000-8000-000000000000' }, viewer),
    ).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND', details: { field: 'documentId' } });
    expect(await removeAttachment(db, actor, { ...ids, documentId: wrong.documentId }, viewer)).toEqual({
      removed: wrong.documentId,
    });
    await expect(
      getApplicationDocument(db, actor, { ...ids, document: wrong.documentId }, viewer),
    ).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    expect([
      ...(await getApplicationDocument(db, actor, { ...ids, document: right.documentId }, viewer)).bytes,
    ]).toEqual([...jpeg]);
    const removals = (await findAuditRecords(db.kysely, LG, 0, 500)).filter(
      (a) => a.action === 'application.attachment.remove',
    );
    expect(removals).toHaveLength(1);
    expect(removals[0]).toMatchObject({ actorId: parent, subjectPersonIds: [parent] });

    // A generated document is never removed, not even from a draft, not even outside the service.
    await sql`insert into application_document (lg_code, application_id, document_id, kind, file_name, media_type,
        byte_size, sha256, content, created_by)
      values (${LG}, ${started.applicationId}, gen_random_uuid(), 'submission-copy', 'x.pdf', 'application/pdf',
        1, '\\x00', '\\x00', 'test')`.execute(db.kysely);
    await expect(
      sql`delete from application_document where kind = 'submission-copy'`.execute(db.kysely),
    ).rejects.toThrow(/only an attachment of a draft/);

    // Once the application is no longer a draft, what was attached stays.
    await withdrawApplication(db, actor, ids, viewer);
    await expect(removeAttachment(db, actor, { ...ids, documentId: right.documentId }, viewer)).rejects.toMatchObject({
      code: 'APPLICATION_STATE',
      details: { status: 'withdrawn' },
    });
    await expect(
      sql`delete from application_document where document_id = ${right.documentId}`.execute(db.kysely),
    ).rejects.toThrow(/only an attachment of a draft/);
  });
});
