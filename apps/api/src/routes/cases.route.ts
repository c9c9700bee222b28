import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  assignCase,
  decideCase,
  findCases,
  getApplication,
  getApplicationDocument,
  notifyDecision,
  requestInformation,
  writeToCase,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionLgCode, staffActor, staffPrincipal } from '../http/actors';
import { errorResponse } from '../http/error-body';
import { detail, sendDocument } from './applications.route';
import {
  ApplicationDetail,
  ApplicationParams,
  DocumentParams,
  FileBody,
  MessageBody,
  StatusResult,
} from './applications.types';
import { AssignBody, Assigned, CaseList, CaseSearchBody, Decided, DecisionBody, Notified } from './cases.types';

// The route admits staff who hold the permission at all; the use case checks it again for the case's
// own department and sensitivity (a child-support worker never opens a long-term-care case).
const read = { staff: { permission: 'procedure.case.read', sensitivity: 'personal' } } as const;
const handle = { staff: { permission: 'procedure.case.handle', sensitivity: 'personal' } } as const;
const decide = { staff: { permission: 'procedure.case.decide', sensitivity: 'personal' } } as const;
const refusals = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
};

const ids = (request: FastifyRequest) => ({
  lgCode: sessionLgCode(request),
  applicationId: (request.params as { applicationId: string }).applicationId,
});

/** Case handling for department staff: inbox, assignment, requests for information, notes, decisions. */
export async function caseRoutes(fastify: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const actor = (request: FastifyRequest) => staffActor(request, 'case-handling');

  app.post(
    '/api/v1/cases/search',
    {
      config: { access: read },
      schema: {
        operationId: 'findCases',
        tags: ['cases'],
        summary: "A department's inbox: filters for procedure, status, open/closed, overdue, assigned to me",
        body: CaseSearchBody,
        response: { 200: CaseList, ...refusals },
      },
    },
    async (request) =>
      findCases(db, actor(request), {
        lgCode: sessionLgCode(request),
        principal: staffPrincipal(request),
        filters: request.body,
      }),
  );

  app.get(
    '/api/v1/cases/:applicationId',
    {
      config: { access: read },
      schema: {
        operationId: 'getCase',
        tags: ['cases'],
        summary: 'One case: answers, the whole history (internal notes included), documents; the view is audited',
        params: ApplicationParams,
        response: { 200: ApplicationDetail, ...refusals },
      },
    },
    async (request) =>
      detail(
        await getApplication(db, actor(request), ids(request), { kind: 'staff', principal: staffPrincipal(request) }),
      ),
  );

  app.post(
    '/api/v1/cases/:applicationId/assign',
    {
      config: { access: handle },
      schema: {
        operationId: 'assignCase',
        tags: ['cases'],
        summary: 'Take a case, give it to a colleague, or put it back (null); a new case goes in review',
        params: ApplicationParams,
        body: AssignBody,
        response: { 200: Assigned, ...refusals },
      },
    },
    async (request) =>
      assignCase(db, actor(request), { ...ids(request), assignee: request.body.assignee }, staffPrincipal(request)),
  );

  app.post(
    '/api/v1/cases/:applicationId/information-requests',
    {
      config: { access: handle },
      schema: {
        operationId: 'requestInformation',
        tags: ['cases'],
        summary: 'Ask the resident for more information (they see it in the portal and answer there)',
        params: ApplicationParams,
        body: MessageBody,
        response: { 200: StatusResult, ...refusals },
      },
    },
    async (request) =>
      requestInformation(db, actor(request), { ...ids(request), body: request.body.body }, staffPrincipal(request)),
  );

  for (const [path, internal, operationId, summary] of [
    ['notes', true, 'addCaseNote', 'An internal note: never shown to the resident'],
    ['messages', false, 'sendCaseMessage', 'A message to the resident, shown in the portal'],
  ] as const) {
    app.post(
      `/api/v1/cases/:applicationId/${path}`,
      {
        config: { access: handle },
        schema: {
          operationId,
          tags: ['cases'],
          summary,
          params: ApplicationParams,
          body: MessageBody,
          response: { 200: StatusResult, ...refusals },
        },
      },
      async (request) =>
        writeToCase(
          db,
          actor(request),
          { ...ids(request), body: request.body.body, internal },
          staffPrincipal(request),
        ),
    );
  }

  app.post(
    '/api/v1/cases/:applicationId/decision',
    {
      config: { access: decide },
      schema: {
        operationId: 'decideCase',
        tags: ['cases'],
        summary:
          "Approve or refuse (with the reason), carrying out the procedure's registry operation in the same transaction; notify: true also notifies",
        params: ApplicationParams,
        body: DecisionBody,
        response: { 200: Decided, ...refusals },
      },
    },
    async (request) => decideCase(db, actor(request), { ...ids(request), ...request.body }, staffPrincipal(request)),
  );

  app.post(
    '/api/v1/cases/:applicationId/notify',
    {
      config: { access: decide },
      schema: {
        operationId: 'notifyDecision',
        tags: ['cases'],
        summary: 'Notify the resident of a decision taken without notice: it and its notice appear in the portal',
        params: ApplicationParams,
        response: { 200: Notified, ...refusals },
      },
    },
    async (request) => notifyDecision(db, actor(request), ids(request), staffPrincipal(request)),
  );

  app.get(
    '/api/v1/cases/:applicationId/documents/:document',
    {
      config: { access: read },
      schema: {
        operationId: 'getCaseDocument',
        tags: ['cases'],
        summary: 'The PDF copy of the submission, the decision notice, or an attachment',
        params: DocumentParams,
        response: { 200: FileBody, ...refusals },
      },
    },
    async (request, reply) => {
      const file = await getApplicationDocument(
        db,
        actor(request),
        {
          lgCode: sessionLgCode(request),
          applicationId: request.params.applicationId,
          document: request.params.document,
        },
        { kind: 'staff', principal: staffPrincipal(request) },
      );
      return sendDocument(reply, file);
    },
  );
}
