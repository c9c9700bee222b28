import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  getResident,
  getResidentHistory,
  type IndividualNumberCipher,
  issueCertificate,
  searchResidents,
  setSupportMeasure,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { residentActor, sessionLgCode, staffActor } from '../http/actors';
import { errorResponse } from '../http/error-body';
import {
  CertificateBody,
  GetResidentBody,
  History,
  MyCertificateBody,
  Pdf,
  PersonBody,
  ResidentView,
  SearchBody,
  SearchResult,
  SupportMeasureBody,
  SupportMeasureState,
} from './registry.types';

const read = { staff: { permission: 'registry.read', sensitivity: 'personal' } } as const;
const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 422: errorResponse };

/** Registry reads, support measures and certificates. Searches and reads are POST: no personal data in URLs. */
export async function registryRoutes(
  fastify: FastifyInstance,
  { db, cipher }: { db: Database; cipher?: IndividualNumberCipher },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/registry/residents/search',
    {
      config: { access: read },
      schema: {
        operationId: 'searchResidents',
        tags: ['registry'],
        summary:
          'Search current records by name (variant kanji fold), kana, birth date, address, ids (sections 320–340)',
        body: SearchBody,
        response: { 200: SearchResult, ...refusals },
      },
    },
    async (request) =>
      searchResidents(db, staffActor(request, 'resident-registration'), {
        lgCode: sessionLgCode(request),
        ...request.body,
      }),
  );

  app.post(
    '/api/v1/registry/residents/get',
    {
      config: { access: read },
      schema: {
        operationId: 'getResident',
        tags: ['registry'],
        summary: "One person's record, current or as of a date, with the support-measure warning",
        body: GetResidentBody,
        response: { 200: ResidentView, ...refusals },
      },
    },
    async (request) => {
      const view = await getResident(db, staffActor(request, 'resident-registration'), {
        lgCode: sessionLgCode(request),
        purpose: 'resident-registration',
        ...request.body,
      });
      return { record: view.record, supportMeasure: view.supportMeasure };
    },
  );

  app.post(
    '/api/v1/registry/residents/history',
    {
      config: { access: read },
      schema: {
        operationId: 'getResidentHistory',
        tags: ['registry'],
        summary: 'Every version of the record with its movement (異動履歴照会, section 350)',
        body: PersonBody,
        response: { 200: History, ...refusals },
      },
    },
    async (request) => ({
      versions: await getResidentHistory(db, staffActor(request, 'resident-registration'), {
        lgCode: sessionLgCode(request),
        personId: request.body.personId,
      }),
    }),
  );

  app.post(
    '/api/v1/registry/support-measures',
    {
      config: { access: { staff: { permission: 'support-measure.manage', sensitivity: 'special' } } },
      schema: {
        operationId: 'setSupportMeasure',
        tags: ['registry'],
        summary: 'Start, extend or end a support measure (支援措置, section 440)',
        body: SupportMeasureBody,
        response: { 200: SupportMeasureState, ...refusals },
      },
    },
    async (request) => {
      const body = request.body;
      const lgCode = sessionLgCode(request);
      const actor = staffActor(request, 'support-measure');
      const state =
        body.action === 'start'
          ? await setSupportMeasure(db, actor, {
              action: 'start',
              lgCode,
              personId: body.personId,
              kind: body.kind ?? 'full',
              reason: body.reason,
              ...(body.startsOn ? { startsOn: body.startsOn } : {}),
              ...(body.endsOn ? { endsOn: body.endsOn } : {}),
            })
          : body.action === 'extend'
            ? await setSupportMeasure(db, actor, {
                action: 'extend',
                lgCode,
                personId: body.personId,
                reason: body.reason,
                ...(body.endsOn ? { endsOn: body.endsOn } : {}),
              })
            : await setSupportMeasure(db, actor, {
                action: 'end',
                lgCode,
                personId: body.personId,
                reason: body.reason,
              });
      return { state };
    },
  );

  app.post(
    '/api/v1/registry/certificates',
    {
      config: { access: { staff: { permission: 'registry.certificate.issue', sensitivity: 'personal' } } },
      schema: {
        operationId: 'issueResidentCertificate',
        tags: ['registry'],
        summary:
          'Issue 住民票の写し, 除票の写し or 記載事項証明書 at the counter (A4 PDF; recorded in the issuance history)',
        body: CertificateBody,
        response: { 200: Pdf, ...refusals },
      },
    },
    async (request, reply) => {
      const issued = await issueCertificate(db, staffActor(request, 'certificate-issuance'), {
        lgCode: sessionLgCode(request),
        kind: request.body.kind ?? 'resident-copy',
        personId: request.body.personId,
        household: request.body.household ?? false,
        requester: request.body.requester,
        channel: 'counter',
        include: request.body.include ?? {},
        ...(request.body.items ? { items: request.body.items } : {}),
        ...(cipher ? { cipher } : {}),
      });
      return reply
        .type('application/pdf')
        .header('x-issue-number', String(issued.issueNo))
        .header('content-disposition', `attachment; filename="certificate-${issued.issueNo}.pdf"`)
        .send(Buffer.from(issued.pdf));
    },
  );

  app.post(
    '/api/v1/me/certificates',
    {
      // An official certificate online (コンビニ交付 / マイナポータル): the card (level 3) only.
      config: { access: { resident: 3 }, dataCategory: 'basic-resident-record' },
      schema: {
        operationId: 'issueMyCertificate',
        tags: ['me'],
        summary: "Issue the resident's own 住民票の写し (or a household member's) online",
        body: MyCertificateBody,
        response: { 200: Pdf, ...refusals },
      },
    },
    async (request, reply) => {
      const me = residentActor(request, 'certificate-issuance');
      const personId = request.body.personId ?? me.personId;
      const issued = await issueCertificate(db, me, {
        lgCode: me.lgCode,
        kind: 'resident-copy',
        personId,
        household: request.body.household ?? false,
        requester: personId === me.personId ? 'self' : 'household-member',
        requesterPersonId: me.personId,
        channel: 'online',
        include: { relationship: request.body.include?.relationship ?? false },
      });
      return reply
        .type('application/pdf')
        .header('x-issue-number', String(issued.issueNo))
        .header('content-disposition', `attachment; filename="certificate-${issued.issueNo}.pdf"`)
        .send(Buffer.from(issued.pdf));
    },
  );
}
