import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { findVersion } from '../procedures/procedure.repository';
import type { ProcedureDefinition } from '../procedures/procedure-definition.types';
import { findDocuments, findEvents, toApplication } from './application.repository';
import {
  type Application,
  type ApplicationDocumentInfo,
  type ApplicationEvent,
  statusForApplicant,
} from './application.types';
import { type LoadedApplication, loadForViewer, type Viewer } from './application-access';

export interface ApplicationView extends LoadedApplication {
  /** The history: everything for staff, only what is meant for the resident otherwise. */
  readonly events: readonly ApplicationEvent[];
  readonly documents: readonly ApplicationDocumentInfo[];
}

/** One application with its history and documents; the view is an audit row. */
export async function getApplication(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly applicationId: string },
  viewer: Viewer,
): Promise<ApplicationView> {
  const loaded = await loadForViewer(db, actor, input, viewer, 'procedure.case.read');
  return db.kysely.transaction().execute(async (trx) => {
    const events = await findEvents(trx, input.lgCode, input.applicationId, viewer.kind === 'resident');
    const documents = await findDocuments(trx, input.lgCode, input.applicationId);
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: viewer.kind === 'staff' ? 'application.case.read' : 'application.read',
        purpose: loaded.procedure.definition.prefillPurpose,
        result: 'allowed',
        subjectPersonIds: [loaded.application.applicantPersonId],
        details: { applicationId: input.applicationId },
      },
    ]);
    if (viewer.kind === 'staff') return { ...loaded, events, documents };
    // The applicant sees a decision once it is notified, not before.
    const application = loaded.application;
    const shown = statusForApplicant(application);
    return {
      ...loaded,
      application: {
        ...application,
        status: shown,
        decisionId: shown === application.status ? application.decisionId : null,
        decidedAt: shown === application.status ? application.decidedAt : null,
      },
      events,
      documents: documents.filter((d) => d.kind !== 'decision-notice' || application.notifiedAt !== null),
    };
  });
}

export interface ApplicationSummary {
  readonly applicationId: string;
  readonly procedureId: string;
  readonly procedureVersion: number;
  readonly names: ProcedureDefinition['names'];
  readonly status: Application['status'];
  readonly receiptNo: string | null;
  readonly createdAt: Date;
  readonly submittedAt: Date | null;
  readonly decidedAt: Date | null;
  readonly dueOn: string | null;
}

/** The resident's own applications, newest first (drafts included: save and come back later). */
export async function listMyApplications(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly personId: string },
): Promise<ApplicationSummary[]> {
  const rows = await db.kysely
    .selectFrom('application')
    .selectAll()
    .where('lg_code', '=', input.lgCode)
    .where('applicant_person_id', '=', input.personId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  const names = new Map<string, ProcedureDefinition['names']>();
  for (const row of rows) {
    const key = `${row.procedure_id}/${row.procedure_version}`;
    if (names.has(key)) continue;
    const version = await findVersion(db.kysely, input.lgCode, row.procedure_id, row.procedure_version);
    if (version) names.set(key, version.definition.names);
  }
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'application.list',
        purpose: 'online-services',
        result: 'allowed',
        subjectPersonIds: [input.personId],
        details: { found: rows.length },
      },
    ]),
  );
  return rows.map(toApplication).map((a) => ({
    applicationId: a.applicationId,
    procedureId: a.procedureId,
    procedureVersion: a.procedureVersion,
    names: names.get(`${a.procedureId}/${a.procedureVersion}`) ?? {
      ja: a.procedureId,
      en: a.procedureId,
      'easy-ja': a.procedureId,
    },
    status: statusForApplicant(a),
    receiptNo: a.receiptNo,
    createdAt: a.createdAt,
    submittedAt: a.submittedAt,
    decidedAt: statusForApplicant(a) === a.status ? a.decidedAt : null,
    dueOn: a.dueOn,
  }));
}
