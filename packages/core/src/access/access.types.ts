import type { NetworkZone } from '../actor';

/** How sensitive the data an action touches is; `special` covers support measures and welfare. */
export const SENSITIVITIES = ['public', 'internal', 'personal', 'sensitive', 'special'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/**
 * Every permission a staff action can ask for. A refusal by role is an audit row under the
 * permission asked for, so these are audit actions too (audit/audit-actions.ts).
 */
export const PERMISSIONS = [
  'registry.read',
  'registry.movement.record',
  'registry.movement.correct',
  'registry.certificate.issue',
  'registry.transfer',
  'support-measure.manage',
  'support-measure.export',
  'procedure.catalog.manage',
  'procedure.case.read',
  'procedure.case.handle',
  'procedure.case.decide',
  'procedure.counter.submit',
  'audit.verify',
  'webhook.manage',
  'staff.manage',
  'tenant.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What a staff action needs: the permission, how sensitive it is, and (optionally) for which department. */
export interface StaffActionRequest {
  readonly permission: Permission;
  readonly sensitivity: Sensitivity;
  readonly department?: string;
}

/** One row of a role's grants: permissions × departments × maximum sensitivity × zones. */
export interface Grant {
  /** Exact permissions, or a prefix ending in `.*` (e.g. `registry.*`). */
  readonly permissions: readonly string[];
  /** Departments the grant covers; `*` for all. */
  readonly departments: readonly string[];
  readonly maxSensitivity: Sensitivity;
  /** Network zones of terminals the grant may be used from. */
  readonly zones: readonly NetworkZone[];
}

export interface StaffPrincipal {
  readonly staffId: string;
  readonly roles: readonly string[];
  readonly departments: readonly string[];
  readonly zone: NetworkZone | null;
}

export type AccessDecision =
  | { readonly allowed: true; readonly role: string }
  | { readonly allowed: false; readonly reason: string };
