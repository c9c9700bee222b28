import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  type ChangeHouseholdInput,
  type MovementResult as CoreMovementResult,
  type CorrectableItem,
  cancelMovement,
  changeHousehold,
  correctResident,
  type ResidentItems,
  recordBirth,
  recordDeath,
  recordMoveIn,
  recordMoveOut,
  recordRelocation,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { sessionLgCode, staffActor } from '../http/actors';
import { errorResponse } from '../http/error-body';
import type { RouteAccess } from '../plugins/route-policy';
import {
  BirthBody,
  CancelBody,
  CorrectionBody,
  DeathBody,
  HouseholdChangeBody,
  MoveInBody,
  MovementResult,
  MoveOutBody,
  RelocationBody,
} from './registry.types';

const record = { staff: { permission: 'registry.movement.record', sensitivity: 'personal' } } as const;
const correct = { staff: { permission: 'registry.movement.correct', sensitivity: 'personal' } } as const;
const responses = {
  200: MovementResult,
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
};

const result = (r: CoreMovementResult, extra: Record<string, unknown> = {}) => ({
  movementId: r.movementId,
  reasonCode: r.reasonCode,
  personIds: r.records.map((x) => x.personId),
  householdsWithoutHead: r.householdsWithoutHead ?? [],
  ...extra,
});

/** Movements (異動): each call is one transaction with its audit row. */
export async function movementRoutes(fastify: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const declare = <B extends TSchema>(operationId: string, summary: string, body: B, access: RouteAccess = record) => ({
    config: { access },
    schema: { operationId, tags: ['registry'], summary, body, response: responses },
  });
  const actor = (request: Parameters<typeof staffActor>[0]) => staffActor(request, 'resident-registration');

  app.post(
    '/api/v1/registry/movements/move-in',
    declare('recordMoveIn', '転入 (incl. from abroad): new persons, new or existing household', MoveInBody),
    async (request) => {
      const { body } = request;
      const moved = await recordMoveIn(db, actor(request), {
        lgCode: sessionLgCode(request),
        ...body,
        persons: body.persons as never,
      });
      return result(moved, {
        householdId: moved.householdId,
        lateNotification: moved.lateNotification,
        possibleReturning: moved.possibleReturning,
      });
    },
  );

  app.post(
    '/api/v1/registry/movements/relocation',
    declare('recordRelocation', '転居: a move within the municipality', RelocationBody),
    async (request) => {
      const moved = await recordRelocation(db, actor(request), { lgCode: sessionLgCode(request), ...request.body });
      return result(moved, { householdId: moved.householdId, lateNotification: moved.lateNotification });
    },
  );

  app.post(
    '/api/v1/registry/movements/move-out',
    declare('recordMoveOut', '転出: removal with planned destination; returns the 転出証明書 data', MoveOutBody),
    async (request) => {
      const moved = await recordMoveOut(db, actor(request), { lgCode: sessionLgCode(request), ...request.body });
      return result(moved, { certificate: moved.certificate });
    },
  );

  app.post(
    '/api/v1/registry/movements/birth',
    declare('recordBirth', '出生: the child joins a household', BirthBody),
    async (request) =>
      result(
        await recordBirth(db, actor(request), {
          lgCode: sessionLgCode(request),
          ...request.body,
          child: request.body.child as never,
        }),
      ),
  );

  app.post(
    '/api/v1/registry/movements/death',
    declare('recordDeath', '死亡: removal as of the date of death', DeathBody),
    async (request) =>
      result(await recordDeath(db, actor(request), { lgCode: sessionLgCode(request), ...request.body })),
  );

  app.post(
    '/api/v1/registry/movements/household',
    declare('changeHousehold', '世帯分離, 世帯合併 or 世帯主変更 with 続柄', HouseholdChangeBody),
    async (request) => {
      const { body } = request;
      const lgCode = sessionLgCode(request);
      const input: ChangeHouseholdInput =
        body.kind === 'split'
          ? { ...body, kind: 'split', lgCode, personIds: body.personIds ?? [] }
          : body.kind === 'merge'
            ? { ...body, kind: 'merge', lgCode, intoHouseholdId: body.intoHouseholdId ?? '' }
            : { ...body, kind: 'head-change', lgCode };
      const changed = await changeHousehold(db, actor(request), input);
      return result(changed, { householdId: changed.householdId });
    },
  );

  app.post(
    '/api/v1/registry/movements/correction',
    declare('correctResident', '修正, 誤記修正, 軽微な修正, 旧氏・通称の記載 with the reason', CorrectionBody, correct),
    async (request) =>
      result(
        await correctResident(db, actor(request), {
          lgCode: sessionLgCode(request),
          ...request.body,
          changes: request.body.changes as Partial<Pick<ResidentItems, CorrectableItem>>,
        }),
      ),
  );

  app.post(
    '/api/v1/registry/movements/cancel',
    declare('cancelMovement', '異動の取消し: restore the versions before a movement', CancelBody, correct),
    async (request) =>
      result(await cancelMovement(db, actor(request), { lgCode: sessionLgCode(request), ...request.body })),
  );
}
