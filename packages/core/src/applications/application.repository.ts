import type { DB } from '@madoguchi/db';
import { type Kysely, type RawBuilder, type Selectable, sql, type Transaction } from 'kysely';
import type {
  Application,
  ApplicationDocumentInfo,
  ApplicationEvent,
  ApplicationEventKind,
  ApplicationStatus,
} from './application.types';

type Q = Kysely<DB> | Transaction<DB>;
type Row = Selectable<DB['application']>;

export function toApplication(row: Row): Application {
  return {
    lgCode: row.lg_code,
    applicationId: row.application_id,
    procedureId: row.procedure_id,
    procedureVersion: row.procedure_version,
    department: row.department,
    applicantPersonId: row.applicant_person_id,
    channel: row.channel,
    enteredBy: row.entered_by,
    status: row.status,
    answers: row.answers,
    lockedAnswers: row.locked_answers,
    receiptNo: row.receipt_no,
    assignedTo: row.assigned_to,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    dueOn: row.due_on,
    decidedAt: row.decided_at,
    decisionId: row.decision_id,
    notifiedAt: row.notified_at,
  };
}

export async function insertApplication(trx: Transaction<DB>, application: Application): Promise<void> {
  await trx
    .insertInto('application')
    .values({
      lg_code: application.lgCode,
      application_id: application.applicationId,
      procedure_id: application.procedureId,
      procedure_version: application.procedureVersion,
      department: application.department,
      applicant_person_id: application.applicantPersonId,
      channel: application.channel,
      entered_by: application.enteredBy,
      status: application.status,
      answers: JSON.stringify(application.answers),
      locked_answers: [...application.lockedAnswers],
      receipt_no: application.receiptNo,
      due_on: application.dueOn,
      submitted_at: application.submittedAt,
    })
    .execute();
}

/** The application, locked for a change when `lock` (two staff cannot decide one case twice). */
export async function findApplication(
  q: Q,
  lgCode: string,
  applicationId: string,
  lock = false,
): Promise<Application | null> {
  let query = q
    .selectFrom('application')
    .selectAll()
    .where('lg_code', '=', lgCode)
    .where('application_id', '=', applicationId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toApplication(row) : null;
}

export interface ApplicationChange {
  readonly status?: ApplicationStatus;
  readonly answers?: Record<string, unknown>;
  readonly receiptNo?: string;
  readonly submittedAt?: Date;
  readonly dueOn?: string;
  readonly assignedTo?: string | null;
  readonly decidedAt?: Date;
  readonly decisionId?: string;
  readonly notifiedAt?: Date;
}

export async function updateApplication(
  trx: Transaction<DB>,
  lgCode: string,
  applicationId: string,
  change: ApplicationChange,
): Promise<void> {
  await trx
    .updateTable('application')
    .set({
      updated_at: sql`now()`,
      ...(change.status ? { status: change.status } : {}),
      ...(change.answers ? { answers: JSON.stringify(change.answers) } : {}),
      ...(change.receiptNo ? { receipt_no: change.receiptNo } : {}),
      ...(change.submittedAt ? { submitted_at: change.submittedAt } : {}),
      ...(change.dueOn ? { due_on: change.dueOn } : {}),
      ...(change.assignedTo !== undefined ? { assigned_to: change.assignedTo } : {}),
      ...(change.decidedAt ? { decided_at: change.decidedAt } : {}),
      ...(change.decisionId ? { decision_id: change.decisionId } : {}),
      ...(change.notifiedAt ? { notified_at: change.notifiedAt } : {}),
    })
    .where('lg_code', '=', lgCode)
    .where('application_id', '=', applicationId)
    .execute();
}

export interface NewEvent {
  readonly kind: ApplicationEventKind;
  readonly statusAfter: ApplicationStatus;
  readonly actorKind: ApplicationEvent['actorKind'];
  readonly actorId: string;
  readonly visibleToResident: boolean;
  readonly body?: string | null;
  readonly data?: Record<string, unknown>;
}

/** Appends an event with the next sequence number of the application (the caller holds its row lock). */
export async function appendEvent(
  trx: Transaction<DB>,
  lgCode: string,
  applicationId: string,
  event: NewEvent,
): Promise<void> {
  await sql`
    insert into application_event
      (lg_code, application_id, seq, kind, status_after, actor_kind, actor_id, visible_to_resident, body, data)
    select ${lgCode}, ${applicationId}, coalesce(max(seq), 0) + 1, ${event.kind}, ${event.statusAfter},
           ${event.actorKind}, ${event.actorId}, ${event.visibleToResident}, ${event.body ?? null},
           ${JSON.stringify(event.data ?? {})}::jsonb
      from application_event where lg_code = ${lgCode} and application_id = ${applicationId}`.execute(trx);
}

export async function findEvents(
  q: Q,
  lgCode: string,
  applicationId: string,
  residentView: boolean,
): Promise<ApplicationEvent[]> {
  let query = q
    .selectFrom('application_event')
    .selectAll()
    .where('lg_code', '=', lgCode)
    .where('application_id', '=', applicationId)
    .orderBy('seq');
  if (residentView) query = query.where('visible_to_resident', '=', true);
  const rows = await query.execute();
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    statusAfter: r.status_after,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    visibleToResident: r.visible_to_resident,
    body: r.body,
    data: r.data,
    occurredAt: r.occurred_at,
  }));
}

/** The next 受付番号: the year (Japan time) and a serial from a sequence (no lock to queue on). */
export async function nextReceiptNo(trx: Transaction<DB>, today: string): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval('application_receipt_seq') as n`.execute(trx);
  return `${today.slice(0, 4)}-${String(rows[0]?.n).padStart(6, '0')}`;
}

export async function findDocuments(q: Q, lgCode: string, applicationId: string): Promise<ApplicationDocumentInfo[]> {
  const rows = await q
    .selectFrom('application_document')
    .select(['document_id', 'kind', 'attachment_id', 'file_name', 'media_type', 'byte_size', 'created_at'])
    .where('lg_code', '=', lgCode)
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    documentId: r.document_id,
    kind: r.kind,
    attachmentId: r.attachment_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    byteSize: r.byte_size,
    createdAt: r.created_at,
  }));
}

/**
 * A new application straight to submitted, with its 受付番号 and first event, and whatever else the
 * caller adds (`more`: common table expressions for the outbox and the audit rows, which can read the
 * receipt number as `receipt`), in ONE statement: atomic without a transaction, and one round trip
 * for the busiest write of the service. Returns the receipt number.
 */
export async function insertSubmittedApplication(
  db: Kysely<DB>,
  application: Omit<Application, 'receiptNo' | 'status'>,
  year: string,
  event: { readonly actorKind: ApplicationEvent['actorKind']; readonly actorId: string; readonly data: object },
  more: (receipt: RawBuilder<string>) => readonly RawBuilder<unknown>[],
): Promise<string> {
  const receipt = sql<string>`(select receipt_no from app)`;
  const { rows } = await sql<{ receipt_no: string }>`
    with app as (
      insert into application (lg_code, application_id, procedure_id, procedure_version, department, applicant_person_id,
        channel, entered_by, status, answers, locked_answers, receipt_no, submitted_at, due_on)
      values (${application.lgCode}, ${application.applicationId}, ${application.procedureId},
        ${application.procedureVersion}, ${application.department}, ${application.applicantPersonId},
        ${application.channel}, ${application.enteredBy}, 'submitted', ${JSON.stringify(application.answers)}::jsonb,
        ${[...application.lockedAnswers]}::text[],
        ${year} || '-' || lpad(nextval('application_receipt_seq')::text, 6, '0'),
        ${application.submittedAt}, ${application.dueOn})
      returning lg_code, application_id, receipt_no
    ), event as (
      insert into application_event (lg_code, application_id, seq, kind, status_after, actor_kind, actor_id,
        visible_to_resident, data)
      select lg_code, application_id, 1, 'submitted', 'submitted', ${event.actorKind}, ${event.actorId}, true,
             ${JSON.stringify(event.data)}::jsonb || jsonb_build_object('receiptNo', receipt_no)
        from app
    ), ${sql.join(more(receipt))}
    select receipt_no from app`.execute(db);
  const receiptNo = rows[0]?.receipt_no;
  if (!receiptNo) throw new Error('the application was not inserted');
  return receiptNo;
}
