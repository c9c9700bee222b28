import type { SessionMethod } from '@madoguchi/db';
import type { NetworkZone } from '../../actor';

/** The strength of proof behind a session, as 認印 / 銀行印 / 実印 on paper. */
export type AssuranceLevel = 1 | 2 | 3;

export const ASSURANCE_BY_METHOD: { readonly [M in SessionMethod]: AssuranceLevel } = {
  'email-code': 1,
  passkey: 2,
  'password-totp': 2,
  'password-passkey': 2,
  oidc: 2,
  card: 3,
};

export interface Session {
  readonly lgCode: string;
  readonly subjectKind: 'resident' | 'staff';
  readonly subjectId: string;
  readonly assuranceLevel: AssuranceLevel;
  readonly method: SessionMethod;
  readonly terminalId: string | null;
  readonly zone: NetworkZone | null;
  readonly authenticatedAt: Date;
  readonly expiresAt: Date;
}

export interface NewSession {
  readonly lgCode: string;
  readonly subjectKind: 'resident' | 'staff';
  readonly subjectId: string;
  readonly method: SessionMethod;
  /** Defaults to the method's level; an OIDC login may carry a higher acr. */
  readonly assuranceLevel?: AssuranceLevel;
  readonly terminalId?: string;
  readonly zone?: NetworkZone;
  /** Default 15 minutes (configurable per terminal for staff). */
  readonly idleTimeoutSeconds?: number;
  /** Default 8 hours. */
  readonly maxAgeSeconds?: number;
}

/** What the client keeps: `<lg_code>.<random token>`; the server stores only a hash. */
export interface IssuedSession {
  readonly token: string;
  readonly session: Session;
}
