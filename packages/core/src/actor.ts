/**
 * Who is acting, for whom, from where and for what purpose. Every use case takes this
 * first, so the audit trail (issue: identity and audit) has it without extra parameters.
 * For now there are the operator at the command line and the system itself; staff and
 * residents arrive with login.
 */
export interface Actor {
  readonly kind: 'system' | 'operator';
  /** A name for the audit trail: the command or job, never personal data. */
  readonly id: string;
  readonly purpose?: string;
}

export function systemActor(id: string, purpose?: string): Actor {
  return { kind: 'system', id, ...(purpose ? { purpose } : {}) };
}

export function operatorActor(id: string, purpose?: string): Actor {
  return { kind: 'operator', id, ...(purpose ? { purpose } : {}) };
}
