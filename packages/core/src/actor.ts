/**
 * Who is acting, for whom, from where and for what purpose. Every use case takes this
 * first, so the audit row has it without extra parameters.
 */
export type ActorKind = 'system' | 'operator' | 'staff' | 'resident';

/** Network zones of the three-layer model (三層の対策), configured per terminal. */
export type NetworkZone = 'individual-number' | 'lgwan' | 'internet';

export interface Actor {
  readonly kind: ActorKind;
  /** The account or job, for the audit trail; never a personal name. */
  readonly id: string;
  /** The person id (宛名番号) acted for, when acting on someone's behalf. */
  readonly onBehalfOf?: string;
  readonly terminalId?: string;
  readonly zone?: NetworkZone;
  readonly department?: string;
  readonly purpose?: string;
}

export function systemActor(id: string, purpose?: string): Actor {
  return { kind: 'system', id, ...(purpose ? { purpose } : {}) };
}

export function operatorActor(id: string, purpose?: string): Actor {
  return { kind: 'operator', id, ...(purpose ? { purpose } : {}) };
}
