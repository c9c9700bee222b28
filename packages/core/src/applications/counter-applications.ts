import type { Database } from '@madoguchi/db';
import type { StaffPrincipal } from '../access/access.types';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import type { StoredProcedureVersion } from '../procedures/procedure.repository';
import { getProcedure } from '../procedures/procedure-catalog';
import { todayInJapan } from '../registry/clock';
import { requireCasePermission } from './application-access';
import type { IdentityDocument } from './identity-documents';
import { prefillFromRegister } from './prefill';
import type { SubmittedApplication } from './submit-application';
import { submitNewApplication } from './submit-new-application';

/**
 * The counter where nobody writes (書かないワンストップ窓口): staff fill in a procedure for the
 * resident standing at the counter — department staff their department's, a one-stop counter clerk
 * those of every department their account lists (permission `procedure.counter.submit`, from the
 * individual-number zone only). The register fills in what it knows, the resident confirms the
 * screen instead of writing a form, and staff record the document they saw to confirm the person
 * (本人確認). The application is the resident's like any other: it is in their "my applications",
 * on channel `counter`, entered by the staff account.
 */
export interface CounterApplicationInput {
  readonly lgCode: string;
  readonly procedureId: string;
  /** The resident at the counter (宛名番号). */
  readonly applicantPersonId: string;
}

export interface CounterPreview {
  readonly procedureId: string;
  readonly procedureVersion: number;
  readonly answers: Record<string, unknown>;
  readonly lockedAnswers: readonly string[];
}

/** The procedure, if the staff member may take it at the counter (a refusal is audited). */
async function procedureForCounter(
  db: Database,
  actor: Actor,
  principal: StaffPrincipal,
  input: CounterApplicationInput,
): Promise<StoredProcedureVersion> {
  const procedure = await getProcedure(db, input.lgCode, input.procedureId);
  await requireCasePermission(db, actor, principal, {
    lgCode: input.lgCode,
    permission: 'procedure.counter.submit',
    sensitivity: procedure.definition.sensitivity,
    department: procedure.department,
    details: { procedureId: procedure.procedureId, channel: 'counter' },
  });
  return procedure;
}

/**
 * What the register fills in for this resident and procedure, to show on the counter screen; the
 * read is audited with every person whose entries it shows.
 */
export async function previewCounterApplication(
  db: Database,
  actor: Actor,
  principal: StaffPrincipal,
  input: CounterApplicationInput,
): Promise<CounterPreview> {
  const procedure = await procedureForCounter(db, actor, principal, input);
  const definition = procedure.definition;
  return db.kysely.transaction().execute(async (trx) => {
    const prefilled = await prefillFromRegister(trx, input.lgCode, input.applicantPersonId, definition, todayInJapan());
    await appendAudit(trx, { ...actor, onBehalfOf: input.applicantPersonId }, [
      {
        lgCode: input.lgCode,
        action: 'application.counter-preview',
        purpose: definition.prefillPurpose,
        result: 'allowed',
        dataCategory: 'basic-resident-record',
        subjectPersonIds: [...new Set([input.applicantPersonId, ...prefilled.personIds])],
        details: { procedureId: procedure.procedureId, version: procedure.version },
      },
    ]);
    return {
      procedureId: procedure.procedureId,
      procedureVersion: procedure.version,
      answers: prefilled.answers,
      lockedAnswers: prefilled.locked,
    };
  });
}

/**
 * Submits at the counter, in one call and with the checks of any submission (the register's entries
 * cannot be overridden here either: a wrong entry is corrected in the register). The audit row names
 * the staff account acting on the resident's behalf.
 */
export async function submitAtCounter(
  db: Database,
  actor: Actor,
  principal: StaffPrincipal,
  input: CounterApplicationInput & {
    readonly answers: Readonly<Record<string, unknown>>;
    /** The resident confirmed the answers and the declaration on the counter screen. */
    readonly declaration: boolean;
    readonly identityDocument: IdentityDocument;
  },
): Promise<SubmittedApplication> {
  await procedureForCounter(db, actor, principal, input);
  return submitNewApplication(
    db,
    { ...actor, onBehalfOf: input.applicantPersonId },
    {
      lgCode: input.lgCode,
      procedureId: input.procedureId,
      applicantPersonId: input.applicantPersonId,
      channel: 'counter',
      answers: input.answers,
      declaration: input.declaration,
      identityDocument: input.identityDocument,
    },
  );
}
