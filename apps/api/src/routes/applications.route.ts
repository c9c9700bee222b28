import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  type ApplicationView,
  addAttachment,
  getApplication,
  getApplicationDocument,
  listMyApplications,
  removeAttachment,
  replyToApplication,
  saveAnswers,
  startApplication,
  submitApplication,
  submitNewApplication,
  withdrawApplication,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { residentActor, residentViewer } from '../http/actors';
import { errorResponse } from '../http/error-body';
import {
  AnswersBody,
  Application,
  ApplicationDetail,
  ApplicationList,
  ApplicationParams,
  AttachedFileParams,
  AttachmentAdded,
  AttachmentParams,
  AttachmentRemoved,
  DocumentParams,
  FileBody,
  MessageBody,
  SavedAnswers,
  StartBody,
  StatusResult,
  SubmitBody,
  SubmitNewBody,
  Submitted,
} from './applications.types';

// Any resident may see the list of their own applications; each application asks for the login its
// procedure needs (STEP_UP_REQUIRED otherwise), checked in the use case.
const resident = { resident: 1 } as const;
const refusals = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
};
const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const UPLOAD_LIMIT_BYTES = 5_000_000;

export function detail(view: ApplicationView) {
  return {
    application: view.application,
    definition: view.procedure.definition as unknown as Record<string, unknown>,
    events: view.events,
    documents: view.documents,
  };
}

export function sendDocument(reply: FastifyReply, file: { fileName: string; mediaType: string; bytes: Uint8Array }) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(Buffer.from(file.bytes));
}

/** The resident's applications (どこでも市役所): start, save, submit, follow, answer, withdraw. */
export async function applicationRoutes(fastify: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Attachments arrive as the file itself, not base64 in JSON.
  fastify.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES }, (_r, body, done) =>
    done(null, body),
  );
  const me = (request: Parameters<typeof residentActor>[0]) => residentActor(request, 'online-services');

  app.post(
    '/api/v1/me/applications',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'startApplication',
        tags: ['applications'],
        summary:
          'Start an application, filled in from the register (once only); STEP_UP_REQUIRED if the login is too weak',
        body: StartBody,
        response: { 201: Application, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = me(request);
      const started = await startApplication(db, actor, {
        lgCode: actor.lgCode,
        procedureId: request.body.procedureId,
        applicantPersonId: actor.personId,
        channel: 'online',
        assuranceLevel: residentViewer(request).assuranceLevel,
      });
      return reply.status(201).send(started);
    },
  );

  app.post(
    '/api/v1/me/applications/submit',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'submitNewApplication',
        tags: ['applications'],
        summary: 'Start, answer and submit in one call (for clients that hold the whole form)',
        body: SubmitNewBody,
        response: { 201: Submitted, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = me(request);
      const submitted = await submitNewApplication(db, actor, {
        lgCode: actor.lgCode,
        procedureId: request.body.procedureId,
        applicantPersonId: actor.personId,
        channel: 'online',
        assuranceLevel: residentViewer(request).assuranceLevel,
        answers: request.body.answers,
        declaration: request.body.declaration,
      });
      return reply.status(201).send(submitted);
    },
  );

  app.get(
    '/api/v1/me/applications',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'listMyApplications',
        tags: ['applications'],
        summary: "The resident's applications, newest first, with where each stands",
        response: { 200: ApplicationList, ...refusals },
      },
    },
    async (request) => {
      const actor = me(request);
      return { items: await listMyApplications(db, actor, { lgCode: actor.lgCode, personId: actor.personId }) };
    },
  );

  app.get(
    '/api/v1/me/applications/:applicationId',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'getMyApplication',
        tags: ['applications'],
        summary: 'One application: answers, the procedure version, the history meant for the resident, documents',
        params: ApplicationParams,
        response: { 200: ApplicationDetail, ...refusals },
      },
    },
    async (request) => {
      const actor = me(request);
      const ids = { lgCode: actor.lgCode, applicationId: request.params.applicationId };
      return detail(await getApplication(db, actor, ids, residentViewer(request)));
    },
  );

  app.post(
    '/api/v1/me/applications/:applicationId/answers',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'saveApplicationAnswers',
        tags: ['applications'],
        summary: 'Save answers of a draft (a page of the form); every problem listed by field, nothing saved then',
        params: ApplicationParams,
        body: AnswersBody,
        response: { 200: SavedAnswers, ...refusals },
      },
    },
    async (request) => {
      const actor = me(request);
      const ids = { lgCode: actor.lgCode, applicationId: request.params.applicationId };
      return saveAnswers(db, actor, { ...ids, answers: request.body.answers }, residentViewer(request));
    },
  );

  app.post(
    '/api/v1/me/applications/:applicationId/submit',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'submitApplication',
        tags: ['applications'],
        summary: 'Submit a draft: a 受付番号, the target date; the PDF copy is at documents/submission-copy',
        params: ApplicationParams,
        body: SubmitBody,
        response: { 200: Submitted, ...refusals },
      },
    },
    async (request) => {
      const actor = me(request);
      const ids = { lgCode: actor.lgCode, applicationId: request.params.applicationId };
      return submitApplication(db, actor, { ...ids, declaration: request.body.declaration }, residentViewer(request));
    },
  );

  app.post(
    '/api/v1/me/applications/:applicationId/messages',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'replyToApplication',
        tags: ['applications'],
        summary: 'Write to the department about a submitted application (answers a request for information)',
        params: ApplicationParams,
        body: MessageBody,
        response: { 200: StatusResult, ...refusals },
      },
    },
    async (request) => {
      const actor = me(request);
      const ids = { lgCode: actor.lgCode, applicationId: request.params.applicationId };
      return replyToApplication(db, actor, { ...ids, body: request.body.body }, residentViewer(request));
    },
  );

  app.post(
    '/api/v1/me/applications/:applicationId/withdraw',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'withdrawApplication',
        tags: ['applications'],
        summary: 'Withdraw an application not yet decided (取下げ)',
        params: ApplicationParams,
        response: { 200: StatusResult, ...refusals },
      },
    },
    async (request) => {
      const actor = me(request);
      const ids = { lgCode: actor.lgCode, applicationId: request.params.applicationId };
      return withdrawApplication(db, actor, ids, residentViewer(request));
    },
  );

  app.post(
    '/api/v1/me/applications/:applicationId/attachments/:attachmentId',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'addApplicationAttachment',
        tags: ['applications'],
        summary: 'Attach a file (body: the JPEG, PNG or PDF itself, at most 5 MB; checked against its type)',
        params: AttachmentParams,
        response: { 201: AttachmentAdded, ...refusals, 413: errorResponse, 415: errorResponse },
      },
    },
    async (request, reply) => {
      const actor = me(request);
      const added = await addAttachment(
        db,
        actor,
        {
          lgCode: actor.lgCode,
          applicationId: request.params.applicationId,
          attachmentId: request.params.attachmentId,
          mediaType: (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '',
          content: Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array(),
        },
        residentViewer(request),
      );
      return reply.status(201).send(added);
    },
  );

  app.delete(
    '/api/v1/me/applications/:applicationId/documents/:documentId',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'removeApplicationAttachment',
        tags: ['applications'],
        summary: 'Take back a file attached to a draft (once submitted, attachments stay with the case)',
        params: AttachedFileParams,
        response: { 200: AttachmentRemoved, ...refusals },
      },
    },
    async (request) => {
      const actor = me(request);
      return removeAttachment(
        db,
        actor,
        { lgCode: actor.lgCode, applicationId: request.params.applicationId, documentId: request.params.documentId },
        residentViewer(request),
      );
    },
  );

  app.get(
    '/api/v1/me/applications/:applicationId/documents/:document',
    {
      config: { access: resident, dataCategory: 'login' },
      schema: {
        operationId: 'getMyApplicationDocument',
        tags: ['applications'],
        summary: 'The PDF copy of the submission, the decision notice (once notified), or an attachment',
        params: DocumentParams,
        response: { 200: FileBody, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = me(request);
      const file = await getApplicationDocument(
        db,
        actor,
        { lgCode: actor.lgCode, applicationId: request.params.applicationId, document: request.params.document },
        residentViewer(request),
      );
      return sendDocument(reply, file);
    },
  );
}
