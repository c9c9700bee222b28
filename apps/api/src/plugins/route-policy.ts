import {
  type AssuranceLevel,
  appendAudit,
  authorizeStaff,
  type DataCategoryId,
  findStaffPrincipal,
  isAppError,
  requireAssurance,
  requireRecentAuthentication,
  resolveSession,
  type Session,
  type StaffActionRequest,
  type StaffPrincipal,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { errorPayload } from '../http/error-body';
import { HTTP_STATUS } from '../http/http-status';
import { SESSION_COOKIE } from './session-cookie';

/**
 * Deny by default. Every route declares who may call it in `config.access`; a route without a
 * declaration stops the app from starting, and a request no declaration allows is refused.
 * - `public`: anyone (health, the list of municipalities, starting a login);
 * - `{ resident: n }`: a logged-in resident whose login has at least assurance level n
 *   (1 e-mail code, 2 passkey, 3 My Number card); a weaker login gets STEP_UP_REQUIRED, never data;
 * - `{ staff: { permission, sensitivity } }`: a logged-in staff member one of whose roles grants
 *   the permission at that sensitivity from the terminal's network zone;
 * - `authenticated`: anyone logged in (their own session only).
 */
export type RouteAccess =
  | 'public'
  | 'authenticated'
  | { readonly resident: AssuranceLevel }
  | { readonly staff: StaffActionRequest & { readonly recentAuthenticationSeconds?: number } };

export type Principal =
  | { readonly kind: 'resident'; readonly session: Session }
  | { readonly kind: 'staff'; readonly session: Session; readonly staff: StaffPrincipal };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The kind of personal data a resident route serves; its minimum assurance applies. */
    dataCategory?: DataCategoryId;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Every declared API route with its access, for the generated permission tests. */
    routeCatalog: Array<{ method: string; url: string; access: RouteAccess; dataCategory?: DataCategoryId }>;
  }
}

export class RouteDeclarationError extends Error {}

/** Routes under these prefixes are API operations and must be fully declared. */
const API_PREFIXES = ['/api/', '/healthz', '/readyz'];

export function registerRoutePolicy(app: FastifyInstance, db?: Database): void {
  app.decorateRequest('principal', null);
  const catalog: FastifyInstance['routeCatalog'] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = checkDeclaration(route);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const dataCategory = (route.config as { dataCategory?: DataCategoryId } | undefined)?.dataCategory;
    for (const method of methods) {
      if (access && method !== 'HEAD') {
        catalog.push({ method, url: route.url ?? '', access, ...(dataCategory ? { dataCategory } : {}) });
      }
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url ?? '';
    if (!API_PREFIXES.some((prefix) => url.startsWith(prefix))) return;
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    if (!db || access === undefined) return deny(reply, 'ACCESS_DENIED', 'no policy allows this request');
    try {
      const session = await resolveSession(db, request.cookies?.[SESSION_COOKIE]);
      request.principal = await principalOf(db, session);
    } catch (error) {
      if (isAppError(error)) return deny(reply, error.code, error.message, error.details);
      throw error;
    }
    const refusal = await check(db, request, access);
    if (refusal) return deny(reply, refusal.code, refusal.message, refusal.details);
  });
}

async function principalOf(db: Database, session: Session): Promise<Principal | null> {
  if (session.subjectKind === 'resident') return { kind: 'resident', session };
  const staff = await findStaffPrincipal(db, session.lgCode, session.subjectId, session.zone);
  return staff ? { kind: 'staff', session, staff } : null;
}

interface Refusal {
  code: keyof typeof HTTP_STATUS;
  message: string;
  details?: Record<string, unknown>;
}

async function check(db: Database, request: FastifyRequest, access: RouteAccess): Promise<Refusal | null> {
  const principal = request.principal;
  if (!principal) return { code: 'ACCESS_DENIED', message: 'this account may not use the service' };
  if (access === 'public' || access === 'authenticated') return null;
  if ('resident' in access) {
    if (principal.kind !== 'resident') return { code: 'ACCESS_DENIED', message: 'this is for residents' };
    try {
      requireAssurance(principal.session, access.resident);
      return null;
    } catch (error) {
      if (isAppError(error)) return { code: error.code, message: error.message, details: error.details };
      throw error;
    }
  }
  if (principal.kind !== 'staff') return { code: 'ACCESS_DENIED', message: 'this is for municipal staff' };
  const decision = authorizeStaff(principal.staff, access.staff);
  if (decision.allowed) {
    const within = access.staff.recentAuthenticationSeconds;
    if (within === undefined) return null;
    try {
      requireRecentAuthentication(principal.session, within);
      return null;
    } catch (error) {
      if (isAppError(error)) return { code: error.code, message: error.message, details: error.details };
      throw error;
    }
  }
  // A refused attempt on staff functions is itself worth a row for the security officer.
  await db.kysely.transaction().execute((trx) =>
    appendAudit(trx, { kind: 'staff', id: principal.staff.staffId, zone: principal.session.zone ?? undefined }, [
      {
        lgCode: principal.session.lgCode,
        action: access.staff.permission,
        purpose: 'access-control',
        result: 'denied',
        details: { reason: decision.reason, route: request.routeOptions.url ?? '' },
      },
    ]),
  );
  return { code: 'ACCESS_DENIED', message: 'your roles do not allow this from this terminal' };
}

function deny(reply: FastifyReply, code: keyof typeof HTTP_STATUS | 'ACCESS_DENIED', message: string, details = {}) {
  return reply.status(HTTP_STATUS[code as keyof typeof HTTP_STATUS] ?? 403).send(errorPayload(code, message, details));
}

function checkDeclaration(route: RouteOptions): RouteAccess | null {
  const url = route.url ?? '';
  if (!API_PREFIXES.some((prefix) => url.startsWith(prefix))) return null;
  const access = (route.config as { access?: RouteAccess } | undefined)?.access;
  const schema = route.schema as
    | { operationId?: string; tags?: string[]; response?: object; hide?: boolean }
    | undefined;
  // A route hidden from the OpenAPI document (the document itself) declares its access only.
  const documented = schema?.hide !== true;
  const missing = [
    access ? null : 'config.access',
    !documented || schema?.operationId ? null : 'schema.operationId',
    !documented || schema?.tags?.length ? null : 'schema.tags',
    !documented || schema?.response ? null : 'schema.response',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new RouteDeclarationError(`route ${String(route.method)} ${url} must declare ${missing.join(', ')}`);
  }
  return access ?? null;
}
