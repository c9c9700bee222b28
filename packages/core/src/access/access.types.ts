import type { NetworkZone } from '../actor';

/** How sensitive the data an action touches is; `special` covers support measures and welfare. */
export const SENSITIVITIES = ['public', 'internal', 'personal', 'sensitive', 'special'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** What a staff action needs: the permission, how sensitive it is, and (optionally) for which department. */
export interface StaffActionRequest {
  readonly permission: string;
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
