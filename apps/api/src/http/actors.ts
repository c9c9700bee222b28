import type { Actor, StaffPrincipal } from '@madoguchi/core';
import type { FastifyRequest } from 'fastify';

/** The staff member behind a request, as the audit log records them, with the purpose of the call. */
export function staffActor(request: FastifyRequest, purpose: string): Actor {
  const principal = request.principal;
  if (principal?.kind !== 'staff') throw new Error('route policy let a non-staff request through');
  return {
    kind: 'staff',
    id: principal.staff.staffId,
    purpose,
    ...(principal.session.terminalId ? { terminalId: principal.session.terminalId } : {}),
    ...(principal.session.zone ? { zone: principal.session.zone } : {}),
    ...(principal.staff.departments[0] ? { department: principal.staff.departments[0] } : {}),
  };
}

/** The resident behind a request (online channel). */
export function residentActor(request: FastifyRequest, purpose: string): Actor & { personId: string; lgCode: string } {
  const principal = request.principal;
  if (principal?.kind !== 'resident') throw new Error('route policy let a non-resident request through');
  return {
    kind: 'resident',
    id: principal.session.subjectId,
    purpose,
    personId: principal.session.subjectId,
    lgCode: principal.session.lgCode,
  };
}

export function sessionLgCode(request: FastifyRequest): string {
  const lgCode = request.principal?.session.lgCode;
  if (!lgCode) throw new Error('route policy let a request through without a session');
  return lgCode;
}

/** The resident behind a request as an application's viewer: who, and how strongly logged in. */
export function residentViewer(request: FastifyRequest) {
  const principal = request.principal;
  if (principal?.kind !== 'resident') throw new Error('route policy let a non-resident request through');
  return {
    kind: 'resident' as const,
    personId: principal.session.subjectId,
    assuranceLevel: principal.session.assuranceLevel,
  };
}

/** The staff member's grants, for use cases that check them per record (a case's department). */
export function staffPrincipal(request: FastifyRequest): StaffPrincipal {
  const principal = request.principal;
  if (principal?.kind !== 'staff') throw new Error('route policy let a non-staff request through');
  return principal.staff;
}
