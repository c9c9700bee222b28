import {
  type AccessDecision,
  type Grant,
  SENSITIVITIES,
  type StaffActionRequest,
  type StaffPrincipal,
} from './access.types';
import { ROLES } from './roles';

/**
 * Deny by default: allowed only when one of the principal's roles has a grant that covers the
 * permission, the department (one the principal works for), the sensitivity and the zone of
 * the terminal. The reason for a refusal is for the audit row and the operator, never data.
 */
export function authorizeStaff(principal: StaffPrincipal, request: StaffActionRequest): AccessDecision {
  if (principal.zone === null) return { allowed: false, reason: 'the terminal has no network zone configured' };
  for (const role of principal.roles) {
    for (const grant of ROLES[role] ?? []) {
      if (covers(grant, principal, request)) return { allowed: true, role };
    }
  }
  return {
    allowed: false,
    reason: `no role grants ${request.permission} at sensitivity ${request.sensitivity} from zone ${principal.zone}`,
  };
}

function covers(grant: Grant, principal: StaffPrincipal, request: StaffActionRequest): boolean {
  return (
    grant.permissions.some(
      (p) => p === request.permission || (p.endsWith('.*') && request.permission.startsWith(p.slice(0, -1))),
    ) &&
    rank(request.sensitivity) <= rank(grant.maxSensitivity) &&
    grant.zones.includes(principal.zone as NonNullable<StaffPrincipal['zone']>) &&
    (request.department === undefined ||
      (principal.departments.includes(request.department) &&
        (grant.departments.includes('*') || grant.departments.includes(request.department))))
  );
}

function rank(sensitivity: StaffActionRequest['sensitivity']): number {
  return SENSITIVITIES.indexOf(sensitivity);
}
