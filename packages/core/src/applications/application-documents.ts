import { createHash, randomUUID } from 'node:crypto';
import type { Database, DB } from '@madoguchi/db';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { renderDocumentPdf } from '../pdf/render-document-pdf';
import { todayInJapan } from '../registry/clock';
import { formatJapaneseEraDate } from '../registry/japanese-date';
import { getTenant } from '../tenants';
import { answerLines } from './answer-text';
import { findEvents } from './application.repository';
import type { ApplicationDocumentKind } from './application.types';
import {
  type LoadedApplication,
  loadForViewer,
  lockApplication,
  requireStatus,
  type Viewer,
} from './application-access';

export interface DocumentFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  'application/pdf': (b) => [0x25, 0x50, 0x44, 0x46, 0x2d].every((v, i) => b[i] === v),
};
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

const invalid = (message: string) => new AppError('ATTACHMENT_INVALID', message, { field: 'content' });

/**
 * Adds a file for one of the procedure's attachments to a draft, or while more information is asked
 * for. The media type must be one the attachment accepts and must match the file's first bytes (a
 * renamed file is refused), within the attachment's size limit. The stored name is generated: an
 * uploaded file name can carry personal data.
 */
export async function addAttachment(
  db: Database,
  actor: Actor,
  input: {
    readonly lgCode: string;
    readonly applicationId: string;
    readonly attachmentId: string;
    readonly mediaType: string;
    readonly content: Uint8Array;
  },
  viewer: Viewer,
): Promise<{ readonly documentId: string; readonly fileName: string }> {
  const { procedure } = await loadForViewer(db, actor, input, viewer, 'procedure.case.handle');
  const definition = procedure.definition.attachments.find((a) => a.id === input.attachmentId);
  if (!definition) {
    throw new AppError('ATTACHMENT_INVALID', 'this procedure has no such attachment', { field: 'attachmentId' });
  }
  if (!definition.accept.includes(input.mediaType)) {
    throw invalid(`this attachment accepts ${definition.accept.join(', ')}`);
  }
  if (input.content.length === 0) throw invalid('the file is empty');
  if (input.content.length > definition.maxBytes) {
    throw invalid(`the file is ${input.content.length} bytes; at most ${definition.maxBytes} are accepted`);
  }
  if (!SIGNATURES[input.mediaType]?.(input.content)) throw invalid(`the file is not a ${input.mediaType} file`);
  return db.kysely.transaction().execute(async (trx) => {
    const application = await lockApplication(trx, input.lgCode, input.applicationId);
    requireStatus(application, ['draft', 'information-requested'], 'add an attachment');
    const documentId = randomUUID();
    const fileName = `${input.attachmentId}-${documentId.slice(0, 8)}.${EXTENSIONS[input.mediaType]}`;
    await insertDocument(trx, input.lgCode, input.applicationId, {
      documentId,
      kind: 'attachment',
      attachmentId: input.attachmentId,
      fileName,
      mediaType: input.mediaType,
      bytes: input.content,
      createdBy: actor.id,
    });
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'application.attachment.add',
        purpose: procedure.definition.prefillPurpose,
        result: 'allowed',
        subjectPersonIds: [application.applicantPersonId],
        details: { applicationId: input.applicationId, attachmentId: input.attachmentId, bytes: input.content.length },
      },
    ]);
    return { documentId, fileName };
  });
}

async function insertDocument(
  trx: Transaction<DB>,
  lgCode: string,
  applicationId: string,
  doc: {
    documentId: string;
    kind: ApplicationDocumentKind;
    attachmentId: string | null;
    fileName: string;
    mediaType: string;
    bytes: Uint8Array;
    createdBy: string;
  },
): Promise<void> {
  await trx
    .insertInto('application_document')
    .values({
      lg_code: lgCode,
      application_id: applicationId,
      document_id: doc.documentId,
      kind: doc.kind,
      attachment_id: doc.attachmentId,
      file_name: doc.fileName,
      media_type: doc.mediaType,
      byte_size: doc.bytes.length,
      sha256: createHash('sha256').update(doc.bytes).digest(),
      content: doc.bytes,
      created_by: doc.createdBy,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function storedDocument(
  trx: Transaction<DB> | Kysely<DB>,
  lgCode: string,
  applicationId: string,
  where: { kind: ApplicationDocumentKind } | { documentId: string },
): Promise<DocumentFile | null> {
  let query = trx
    .selectFrom('application_document')
    .select(['file_name', 'media_type', 'content'])
    .where('lg_code', '=', lgCode)
    .where('application_id', '=', applicationId);
  query = 'kind' in where ? query.where('kind', '=', where.kind) : query.where('document_id', '=', where.documentId);
  const row = await query.executeTakeFirst();
  return row ? { fileName: row.file_name, mediaType: row.media_type, bytes: row.content } : null;
}

/** A PDF of what was submitted (申請内容の控え), made on first request and kept. */
async function renderSubmissionCopy(loaded: LoadedApplication, tenantName: string): Promise<Uint8Array> {
  const { application, procedure } = loaded;
  const definition = procedure.definition;
  const submittedOn = todayInJapan(application.submittedAt ?? new Date());
  return renderDocumentPdf({
    title: `${definition.names.ja}（申請内容の控え）`,
    issuedOn: submittedOn,
    parts: [
      { kind: 'meta', lines: [`受付番号 ${application.receiptNo}`, `受付日 ${formatJapaneseEraDate(submittedOn)}`] },
      { kind: 'heading', text: '申請内容' },
      { kind: 'fields', rows: answerLines(definition, application.answers, 'ja') },
      { kind: 'heading', text: '申告' },
      { kind: 'paragraph', text: definition.declaration.ja },
    ],
    footer: `${tenantName}　この控えは申請の内容を記録したもので、証明書ではありません。（手続の根拠：${definition.legalBasis}）`,
  });
}

async function renderDecisionNotice(
  loaded: LoadedApplication,
  tenantName: string,
  decided: DecidedData,
): Promise<Uint8Array> {
  const { application, procedure } = loaded;
  const decision = procedure.definition.decisions.find((d) => d.id === application.decisionId);
  if (!decision) throw new Error('the application was decided with a decision its procedure does not have');
  const decidedOn = todayInJapan(application.decidedAt ?? new Date());
  const submittedOn = todayInJapan(application.submittedAt ?? new Date());
  const body = decision.notice.body.ja
    .replaceAll('{date}', formatJapaneseEraDate(submittedOn))
    .replaceAll('{receiptNo}', application.receiptNo ?? '')
    .replaceAll('{reason}', decided.reason ?? '')
    .replaceAll('{procedure}', procedure.definition.names.ja);
  return renderDocumentPdf({
    title: decision.notice.title.ja,
    issuedOn: decidedOn,
    parts: [
      { kind: 'meta', lines: [`受付番号 ${application.receiptNo}`, formatJapaneseEraDate(decidedOn)] },
      { kind: 'paragraph', text: `${decided.addressee ?? ''}　様` },
      { kind: 'paragraph', text: body },
    ],
    footer: `${tenantName}長`,
  });
}

interface DecidedData {
  readonly reason?: string;
  readonly addressee?: string;
}

/**
 * A document of the application for its applicant or for staff: `submission-copy` (after
 * submission), `decision-notice` (after the decision), or an attachment by id. The two generated
 * ones are rendered once from what is stored and kept, so every later copy is the same file.
 */
export async function getApplicationDocument(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly applicationId: string; readonly document: string },
  viewer: Viewer,
): Promise<DocumentFile> {
  const loaded = await loadForViewer(db, actor, input, viewer, 'procedure.case.read');
  const tenant = await getTenant(db, actor, input.lgCode);
  const { application } = loaded;
  const generated = input.document === 'submission-copy' || input.document === 'decision-notice';
  let pdf: Uint8Array | null = null;
  const kept = generated
    ? await storedDocument(db.kysely, input.lgCode, input.applicationId, {
        kind: input.document as ApplicationDocumentKind,
      })
    : null;
  if (kept) {
    // Made before: the same file again.
  } else if (input.document === 'submission-copy') {
    requireStatus(
      application,
      ['submitted', 'in-review', 'information-requested', 'approved', 'rejected', 'withdrawn'],
      'print a copy',
    );
    if (application.submittedAt === null) throw new AppError('APPLICATION_STATE', 'not submitted', {});
    pdf = await renderSubmissionCopy(loaded, tenant.name);
  } else if (input.document === 'decision-notice') {
    requireStatus(application, ['approved', 'rejected'], 'print the decision notice');
    if (viewer.kind === 'resident' && application.notifiedAt === null) {
      throw new AppError('DOCUMENT_NOT_FOUND', 'no such document', { field: 'document' });
    }
    const decided = (await findEvents(db.kysely, input.lgCode, input.applicationId, false)).findLast(
      (e) => e.kind === 'decided',
    );
    pdf = await renderDecisionNotice(loaded, tenant.name, (decided?.data ?? {}) as DecidedData);
  } else if (!/^[0-9a-f-]{36}$/.test(input.document)) {
    throw new AppError('DOCUMENT_NOT_FOUND', 'no such document', { field: 'document' });
  }
  return db.kysely.transaction().execute(async (trx) => {
    const kind = input.document as ApplicationDocumentKind;
    if (pdf) {
      const fileName = `${kind}-${application.receiptNo}.pdf`;
      await insertDocument(trx, input.lgCode, input.applicationId, {
        documentId: randomUUID(),
        kind,
        attachmentId: null,
        fileName,
        mediaType: 'application/pdf',
        bytes: pdf,
        createdBy: actor.id,
      });
    }
    const file = await storedDocument(
      trx,
      input.lgCode,
      input.applicationId,
      generated ? { kind } : { documentId: input.document },
    );
    if (!file) throw new AppError('DOCUMENT_NOT_FOUND', 'no such document', { field: 'document' });
    await appendAudit(trx, actor, [
      {
        lgCode: input.lgCode,
        action: 'application.document.read',
        purpose: loaded.procedure.definition.prefillPurpose,
        result: 'allowed',
        subjectPersonIds: [application.applicantPersonId],
        details: { applicationId: input.applicationId, document: generated ? kind : 'attachment' },
      },
    ]);
    return file;
  });
}
