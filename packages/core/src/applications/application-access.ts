import type { Database, DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { StaffPrincipal } from '../access/access.types';
import { authorizeStaff } from '../access/authorize';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import type { AssuranceLevel } from '../identity/session/session.types';
import type { StoredProcedureVersion } from '../procedures/procedure.repository';
import { cachedVersion } from '../procedures/procedure-cache';
import { findApplication } from './application.repository';
import type { Application } from './application.types';

/** Who looks at an application: its applicant, or staff with their grants. */
export type Viewer =
  | { readonly kind: 'resident'; readonly personId: string; readonly assuranceLevel: AssuranceLevel }
  | { readonly kind: 'staff'; readonly principal: StaffPrincipal };

/**
 * What staff may do with a case (or, at the counter, for a resident); each is checked against the
 * department and sensitivity of the procedure.
 */
export type CasePermission =
  | 'procedure.case.read'
  | 'procedure.case.handle'
  | 'procedure.case.decide'
  | 'procedure.counter.submit';

export interface LoadedApplication {
  readonly application: Application;
  readonly procedure: StoredProcedureVersion;
}

const notFound = () =>
  new AppError('APPLICATION_NOT_FOUND', 'no such application (or not yours to see)', { field: 'applicationId' });

/**
 * Loads an application for someone entitled to it, or fails the same way whether it does not exist or
 * is not theirs (APPLICATION_NOT_FOUND: nobody learns that someone else applied). Staff need the
 * permission for the case's department at its sensitivity; a refusal is an audit row of its own,
 * committed even though the request fails. Staff do not see a resident's draft unless they entered it.
 * Called before the use case's transaction (the embedded engine has one session: a refusal's own
 * transaction cannot open inside another); the use case then locks the row with `lockApplication`.
 */
export async function loadForViewer(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly applicationId: string },
  viewer: Viewer,
  permission: CasePermission = 'procedure.case.read',
): Promise<LoadedApplication> {
  if (!/^[0-9a-f-]{36}$/.test(input.applicationId)) throw notFound();
  const application = await findApplication(db.kysely, input.lgCode, input.applicationId);
  if (!application) throw notFound();
  if (viewer.kind === 'resident') {
    if (application.applicantPersonId !== viewer.personId) throw notFound();
  } else if (application.status === 'draft' && application.enteredBy !== viewer.principal.staffId) {
    throw notFound();
  }
  const procedure = await cachedVersion(db, input.lgCode, application.procedureId, application.procedureVersion);
  if (!procedure) throw new Error('an application refers to a procedure version that does not exist');
  if (viewer.kind === 'resident' && viewer.assuranceLevel < procedure.definition.minimumAssurance) {
    // What the applicant gave needs the same login to see again as it needed to give.
    throw new AppError('STEP_UP_REQUIRED', 'this application needs a stronger login', {
      required: procedure.definition.minimumAssurance,
    });
  }
  if (viewer.kind === 'staff') {
    await requireCasePermission(db, actor, viewer.principal, {
      lgCode: input.lgCode,
      permission,
      sensitivity: procedure.definition.sensitivity,
      department: application.department,
      details: { applicationId: input.applicationId },
    });
  }
  return { application, procedure };
}

/**
 * Refuses staff whose roles do not give the permission for the department at the sensitivity
 * (ACCESS_DENIED), with an audit row of its own, committed although the request fails.
 */
export async function requireCasePermission(
  db: Database,
  actor: Actor,
  principal: StaffPrincipal,
  request: {
    readonly lgCode: string;
    readonly permission: CasePermission;
    readonly sensitivity: StoredProcedureVersion['definition']['sensitivity'];
    readonly department: string;
    readonly details: Record<string, string>;
  },
): Promise<void> {
  const decision = authorizeStaff(principal, {
    permission: request.permission,
    sensitivity: request.sensitivity,
    department: request.department,
  });
  if (decision.allowed) return;
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, actor, [
      {
        lgCode: request.lgCode,
        action: request.permission,
        purpose: 'access-control',
        result: 'denied',
        details: { reason: decision.reason, ...request.details },
      },
    ]),
  );
  throw new AppError('ACCESS_DENIED', 'your roles do not allow this for this department', {
    department: request.department,
  });
}

/** The application again, row-locked in the use case's transaction, with its status now. */
export async function lockApplication(
  trx: Transaction<DB>,
  lgCode: string,
  applicationId: string,
): Promise<Application> {
  const application = await findApplication(trx, lgCode, applicationId, true);
  if (!application) throw notFound();
  return application;
}

/** Refuses a change the application's status does not allow (APPLICATION_STATE, with the status). */
export function requireStatus(application: Application, allowed: readonly Application['status'][], what: string): void {
  if (!allowed.includes(application.status)) {
    throw new AppError('APPLICATION_STATE', `cannot ${what}: the application is ${application.status}`, {
      status: application.status,
    });
  }
}
