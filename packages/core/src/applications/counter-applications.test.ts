import type { Database } from '@madoguchi/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAuditRecords } from '../audit';
import { getApplication, listMyApplications, previewCounterApplication, submitAtCounter } from '.';
import { applicationsTestDatabase, CHILD_ALLOWANCE_ANSWERS, caseWorker, LG, residentOf } from './test-fixtures';

const ANSWERS = CHILD_ALLOWANCE_ANSWERS;

/** Staff at a counter terminal: the register is read only from the individual-number zone. */
const counterDesk = (departments = ['child-support'], roles = ['case-worker']) =>
  caseWorker(departments, roles, 'individual-number');

describe('the counter where nobody writes: staff apply for the resident at the counter', () => {
  let db: Database;
  let parent: string;
  let children: [string, string];
  beforeEach(async () => {
    ({ db, parent, children } = await applicationsTestDatabase());
  });
  afterEach(async () => {
    await db.close();
  });

  const audit = async () => findAuditRecords(db.kysely, LG, 0, 500);
  const preview = (staff: ReturnType<typeof caseWorker>) =>
    previewCounterApplication(db, staff.actor, staff.principal, {
      lgCode: LG,
      procedureId: 'child-allowance',
      applicantPersonId: parent,
    });
  /** The children the register filled in, with the one answer it cannot give. */
  const childrenOf = (filled: { answers: Record<string, unknown> }) =>
    (filled.answers.children as object[]).map((c) => ({ ...c, livesWithApplicant: 'yes' }));
  const counterInput = (answers: Record<string, unknown>) => ({
    lgCode: LG,
    procedureId: 'child-allowance',
    applicantPersonId: parent,
    answers,
    declaration: true,
    identityDocument: 'individual-number-card' as const,
  });

  it('shows what the register fills in, audited as a read on the resident’s behalf', async () => {
    const filled = await preview(counterDesk());
    expect(filled.procedureVersion).toBe(1);
    expect((filled.answers.applicant as { fullName: string }).fullName).toBe('デモ 花子');
    expect((filled.answers.children as { fullName: string }[]).map((c) => c.fullName)).toEqual([
      'デモ 一郎',
      'デモ 𠮷子',
    ]);
    expect(filled.lockedAnswers).toContain('applicant.fullName');
    const read = (await audit()).filter((a) => a.action === 'application.counter-preview');
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({ actorKind: 'staff', actorId: 'staff-cw-01', onBehalfOf: parent });
    expect([...(read[0]?.subjectPersonIds ?? [])].sort()).toEqual([parent, ...children].sort());
  });

  it('submits for the resident: their application, on channel counter, with the identity check recorded', async () => {
    const staff = counterDesk();
    const children = childrenOf(await preview(staff));
    const submitted = await submitAtCounter(db, staff.actor, staff.principal, counterInput({ ...ANSWERS, children }));
    expect(submitted.receiptNo).toMatch(/^\d{4}-\d{6}$/);

    // The resident finds it in "my applications", as one they made.
    const resident = residentOf(parent);
    const mine = await listMyApplications(db, resident.actor, { lgCode: LG, personId: parent });
    expect(mine.map((a) => a.applicationId)).toEqual([submitted.applicationId]);
    const seen = await getApplication(
      db,
      resident.actor,
      { lgCode: LG, applicationId: submitted.applicationId },
      resident.viewer,
    );
    expect(seen.application).toMatchObject({ channel: 'counter', enteredBy: 'staff-cw-01', status: 'submitted' });
    expect((seen.application.answers.applicant as { fullName: string }).fullName).toBe('デモ 花子');

    const row = (await audit()).find((a) => a.action === 'application.submit');
    expect(row).toMatchObject({ actorKind: 'staff', onBehalfOf: parent, result: 'allowed' });
    expect(JSON.parse(row?.detailsText ?? '{}')).toMatchObject({
      channel: 'counter',
      identityDocument: 'individual-number-card',
      receiptNo: submitted.receiptNo,
    });
    const event = await db.kysely
      .selectFrom('application_event')
      .select(['actor_kind', 'data'])
      .where('application_id', '=', submitted.applicationId)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_kind: 'staff', data: { identityDocument: 'individual-number-card' } });
  });

  it('refuses staff of another department, audited, and writes nothing', async () => {
    const roads = counterDesk(['roads']);
    await expect(preview(roads)).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
    await expect(submitAtCounter(db, roads.actor, roads.principal, counterInput(ANSWERS))).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
    });
    const rows = await audit();
    expect(rows.filter((a) => a.result === 'denied').map((a) => a.action)).toEqual([
      'procedure.counter.submit',
      'procedure.counter.submit',
    ]);
    // Nothing of the register was read for an application.
    expect(rows.filter((a) => a.action.startsWith('application.'))).toEqual([]);
    expect(await db.kysely.selectFrom('application').select('application_id').execute()).toEqual([]);
  });

  it('keeps the register’s entries and the declaration, and refuses an unknown resident', async () => {
    const staff = counterDesk();
    await expect(
      submitAtCounter(db, staff.actor, staff.principal, { ...counterInput(ANSWERS), declaration: false }),
    ).rejects.toMatchObject({ code: 'DECLARATION_REQUIRED' });
    await expect(
      submitAtCounter(
        db,
        staff.actor,
        staff.principal,
        counterInput({ ...ANSWERS, applicant: { fullName: '別人 太郎' } }),
      ),
    ).rejects.toMatchObject({
      code: 'ANSWERS_INVALID',
      details: {
        problems: expect.arrayContaining([expect.objectContaining({ field: 'applicant.fullName', code: 'LOCKED' })]),
      },
    });
    await expect(
      submitAtCounter(db, staff.actor, staff.principal, { ...counterInput(ANSWERS), applicantPersonId: '0000000000' }),
    ).rejects.toMatchObject({ code: 'RESIDENT_NOT_FOUND' });
    expect(await db.kysely.selectFrom('application').select('application_id').execute()).toEqual([]);
  });

  it('lets a one-stop counter clerk take the procedures of the departments their account lists, not their cases', async () => {
    const clerk = (departments: string[]) => counterDesk(departments, ['counter-clerk']);
    const oneStop = clerk(['citizen', 'child-support']);
    const kids = childrenOf(await preview(oneStop));
    const submitted = await submitAtCounter(
      db,
      oneStop.actor,
      oneStop.principal,
      counterInput({ ...ANSWERS, children: kids }),
    );
    // Taking it at the counter is not handling the case.
    await expect(
      getApplication(
        db,
        oneStop.actor,
        { lgCode: LG, applicationId: submitted.applicationId },
        {
          kind: 'staff',
          principal: oneStop.principal,
        },
      ),
    ).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
    // Not a department the account lists; not from a terminal of the individual-number zone.
    await expect(preview(clerk(['citizen']))).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
    await expect(preview(caseWorker(['citizen', 'child-support'], ['counter-clerk'], 'lgwan'))).rejects.toMatchObject({
      code: 'ACCESS_DENIED',
    });
    // A case worker too: their cases they may handle from the LGWAN zone, the counter not.
    await expect(preview(caseWorker())).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });
});
