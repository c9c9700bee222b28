import type { Database } from '@madoguchi/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayInJapan } from '../registry/clock';
import { findCurrent } from '../registry/resident-record.repository';
import {
  decideCase,
  getApplication,
  getApplicationDocument,
  notifyDecision,
  saveAnswers,
  startApplication,
  submitApplication,
} from '.';
import type { DecideCaseInput } from './decide-case';
import { applicationsTestDatabase, caseWorker, LG, residentOf } from './test-fixtures';

const today = todayInJapan();

describe('an approval carries out the registry operation its procedure names, in the same transaction', () => {
  let db: Database;
  let parent: string;
  let children: [string, string];
  const staff = caseWorker(['citizen'], ['case-worker']);
  beforeEach(async () => {
    ({ db, parent, children } = await applicationsTestDatabase());
  });
  afterEach(async () => {
    await db.close();
  });

  /** Submitted by the parent; `moving` keeps only those members among the movers the register filled in. */
  async function submitted(procedureId: string, answers: Record<string, unknown>, moving?: readonly string[]) {
    const { actor, viewer } = residentOf(parent);
    const started = await startApplication(db, actor, {
      lgCode: LG,
      procedureId,
      applicantPersonId: parent,
      channel: 'online',
      assuranceLevel: 3,
    });
    const ids = { lgCode: LG, applicationId: started.applicationId };
    const movers = (started.answers.movers as { personId: string }[]).filter(
      (m) => moving?.includes(m.personId) ?? true,
    );
    await saveAnswers(db, actor, { ...ids, answers: { ...answers, movers } }, viewer);
    await submitApplication(db, actor, { ...ids, declaration: true }, viewer);
    return { ids, movers: started.answers.movers as { personId: string }[] };
  }

  it('an approved 転居届 records the relocation of the whole household', async () => {
    const { ids } = await submitted('relocation-notice', {
      phone: '090-1111-2222',
      moveDate: addDays(today, -1),
      destination: { postalCode: '999-0002', address: 'デモ県デモ市港町二丁目3番4号' },
    });
    const decided = await decideCase(db, staff.actor, { ...ids, decisionId: 'approve', notify: true }, staff.principal);
    expect(decided.registry).toMatchObject({ operation: 'recordRelocation' });
    for (const id of [parent, ...children]) {
      const record = await findCurrent(db.kysely, LG, id);
      expect(record?.address).toBe('デモ県デモ市港町二丁目3番4号');
      expect(record?.movement.reasonCode).toBe('relocation');
      expect(record?.movement.movementId).toBe(decided.registry?.movementId);
    }
  });

  it('when the registry refuses (a move date still ahead), the decision is not recorded either', async () => {
    const { ids } = await submitted('relocation-notice', {
      phone: '090-1111-2222',
      moveDate: addDays(today, 10),
      destination: { postalCode: '999-0002', address: 'デモ県デモ市港町二丁目3番4号' },
    });
    await expect(
      decideCase(db, staff.actor, { ...ids, decisionId: 'approve', notify: true }, staff.principal),
    ).rejects.toMatchObject({ code: 'MOVEMENT_REFUSED' });
    const view = await getApplication(db, staff.actor, ids, staff.viewer);
    expect(view.application.status).toBe('submitted');
    expect(view.events.map((e) => e.kind)).toEqual(['created', 'submitted']);
    expect((await findCurrent(db.kysely, LG, parent))?.address).toBe('デモ県デモ市中央一丁目1番1号');
  });

  it('an approved 転出届 of one member removes that member only, with the planned destination', async () => {
    const { actor, viewer } = residentOf(parent);
    const started = await startApplication(db, actor, {
      lgCode: LG,
      procedureId: 'move-out-notice',
      applicantPersonId: parent,
      channel: 'online',
      assuranceLevel: 3,
    });
    const ids = { lgCode: LG, applicationId: started.applicationId };
    const members = started.answers.movers as { personId: string }[];
    expect(members.map((m) => m.personId)).toEqual([parent, ...children]);
    await saveAnswers(
      db,
      actor,
      {
        ...ids,
        answers: {
          phone: '090-1111-2222',
          plannedMoveOn: addDays(today, 7),
          abroad: 'no',
          destination: 'デモ県サンプル市本町1番地',
          movers: members.filter((m) => m.personId === children[0]),
        },
      },
      viewer,
    );
    await submitApplication(db, actor, { ...ids, declaration: true }, viewer);
    const decided = await decideCase(
      db,
      staff.actor,
      { ...ids, decisionId: 'approve', notify: false },
      staff.principal,
    );
    expect(decided).toMatchObject({ status: 'approved', notified: false, registry: { operation: 'recordMoveOut' } });
    const moved = await findCurrent(db.kysely, LG, children[0]);
    expect(moved).toMatchObject({ status: 'removed', plannedDestination: 'デモ県サンプル市本町1番地' });
    expect((await findCurrent(db.kysely, LG, parent))?.status).toBe('resident');
    // Not notified yet: the resident does not see the decision.
    const seen = await getApplication(db, actor, ids, viewer);
    expect(seen.events.map((e) => e.kind)).toEqual(['created', 'submitted']);
    expect(seen.application.status).toBe('in-review');
    await expect(
      getApplicationDocument(db, actor, { ...ids, document: 'decision-notice' }, viewer),
    ).rejects.toMatchObject({ code: 'DOCUMENT_NOT_FOUND' });
    await notifyDecision(db, staff.actor, ids, staff.principal);
    const told = await getApplication(db, actor, ids, viewer);
    expect(told.application.status).toBe('approved');
    expect(told.events.map((e) => e.kind)).toEqual(['created', 'submitted', 'notified']);
    await expect(notifyDecision(db, staff.actor, ids, staff.principal)).rejects.toMatchObject({
      code: 'APPLICATION_STATE',
    });
  });

  const relocation = {
    phone: '090-1111-2222',
    moveDate: addDays(today, -1),
    destination: { postalCode: '999-0002', address: 'デモ県デモ市港町二丁目3番4号' },
  };

  it('part of a household moves: refused without the 続柄 the form does not ask, carried out with them', async () => {
    // The parent (世帯主) moves with the elder child; the younger stays and becomes 世帯主.
    const [elder, younger] = children;
    const { ids } = await submitted('relocation-notice', relocation, [parent, elder]);
    const approve = (householdRelationships?: object) =>
      decideCase(
        db,
        staff.actor,
        { ...ids, decisionId: 'approve', notify: true, householdRelationships },
        staff.principal,
      );
    await expect(approve()).rejects.toMatchObject({
      code: 'MOVEMENT_REFUSED',
      details: { rule: 'RELATIONSHIP_REQUIRED' },
    });
    // The 続柄 of those who stay reach the registry too, and are checked there: one must be 世帯主.
    await expect(
      approve({ newHousehold: { [parent]: '世帯主', [elder]: '子' }, remaining: { [younger]: '子' } }),
    ).rejects.toMatchObject({ code: 'MOVEMENT_REFUSED', details: { field: 'remainingRelationships' } });
    expect((await getApplication(db, staff.actor, ids, staff.viewer)).application.status).toBe('submitted');
    expect((await findCurrent(db.kysely, LG, parent))?.address).toBe('デモ県デモ市中央一丁目1番1号');

    const decided = await approve({
      newHousehold: { [parent]: '世帯主', [elder]: '子' },
      remaining: { [younger]: '世帯主' },
    });
    expect(decided).toMatchObject({ status: 'approved', registry: { operation: 'recordRelocation' } });
    const [p, e, y] = await Promise.all([parent, elder, younger].map((id) => findCurrent(db.kysely, LG, id)));
    expect([p?.address, p?.relationship, e?.address, e?.relationship]).toEqual([
      'デモ県デモ市港町二丁目3番4号',
      '世帯主',
      'デモ県デモ市港町二丁目3番4号',
      '子',
    ]);
    expect(p?.householdId).toBe(e?.householdId);
    expect([y?.address, y?.relationship, y?.householdId === p?.householdId]).toEqual([
      'デモ県デモ市中央一丁目1番1号',
      '世帯主',
      false,
    ]);
  });

  it('refuses relationships where they do not apply: with a refusal, or a new household for a move-out', async () => {
    /** The decision with the child as 世帯主 of a new household: refused before the registry. */
    const refusedWithRelationships = (decision: Omit<DecideCaseInput, 'householdRelationships'>) =>
      expect(
        decideCase(
          db,
          staff.actor,
          { ...decision, householdRelationships: { newHousehold: { [children[0]]: '世帯主' } } },
          staff.principal,
        ),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { problems: [{ field: 'householdRelationships' }] },
      });
    const { ids } = await submitted('relocation-notice', relocation, [children[0]]);
    await refusedWithRelationships({ ...ids, decisionId: 'reject', reason: '確認できません', notify: false });
    const moveOut = await submitted(
      'move-out-notice',
      {
        phone: '090-1111-2222',
        plannedMoveOn: addDays(today, 7),
        abroad: 'no',
        destination: 'デモ県サンプル市本町1番地',
      },
      [children[0]],
    );
    await refusedWithRelationships({ ...moveOut.ids, decisionId: 'approve', notify: false });
    expect((await findCurrent(db.kysely, LG, children[0]))?.status).toBe('resident');
    // The child moving alone, as its own 世帯主: carried out.
    const decided = await decideCase(
      db,
      staff.actor,
      {
        ...ids,
        decisionId: 'approve',
        notify: false,
        householdRelationships: { newHousehold: { [children[0]]: '世帯主' } },
      },
      staff.principal,
    );
    expect(decided.registry).toMatchObject({ operation: 'recordRelocation' });
    expect(await findCurrent(db.kysely, LG, children[0])).toMatchObject({
      relationship: '世帯主',
      address: 'デモ県デモ市港町二丁目3番4号',
    });
  });
});
