import type { Database, DB } from '@madoguchi/db';
import type { Transaction } from 'kysely';
import type { Actor } from '../../actor';
import { type AuditResult, appendAudit } from '../../audit';
import { AppError } from '../../errors';
import type { OidcProviderSetting, OidcTerminal } from './oidc-login.types';

export const OIDC_LOGIN_ACTION = 'identity.oidc-login' as const;

/** What is known about one callback by the time it is allowed or refused. */
export interface OidcAttempt {
  readonly setting: OidcProviderSetting;
  readonly terminal: OidcTerminal | null;
  readonly now: Date;
  /** The provider's id of the account, once the ID token is validated: what an operator binds. */
  subject?: string;
  /** The resident or staff id it is bound to, once looked up. */
  subjectId?: string;
}

export async function auditOidcLogin(
  trx: Transaction<DB>,
  attempt: OidcAttempt,
  result: AuditResult,
  details: Record<string, unknown>,
): Promise<void> {
  const { setting, terminal, subjectId } = attempt;
  const actor: Actor = {
    kind: setting.audience,
    id: subjectId ?? 'unknown',
    purpose: 'authentication',
    ...(setting.audience === 'staff' && terminal ? { zone: terminal.zone } : {}),
  };
  await appendAudit(trx, actor, [
    {
      lgCode: setting.lgCode,
      action: OIDC_LOGIN_ACTION,
      purpose: 'authentication',
      result,
      // A resident's logins show in their own access log; a staff member is no data subject here.
      subjectPersonIds: setting.audience === 'resident' && subjectId ? [subjectId] : [],
      dataCategory: 'login',
      details: { provider: setting.id, ...(attempt.subject ? { subject: attempt.subject } : {}), ...details },
      occurredAt: attempt.now,
    },
  ]);
}

/** Records a refusal in a transaction of its own: whatever failed before has already rolled back. */
export async function auditOidcRefusal(db: Database, attempt: OidcAttempt, error: AppError): Promise<void> {
  const { reason, opError } = error.details;
  await db.kysely.transaction().execute((trx) =>
    auditOidcLogin(trx, attempt, 'denied', {
      code: error.code,
      ...(typeof reason === 'string' ? { reason } : {}),
      ...(typeof opError === 'string' ? { opError } : {}),
    }),
  );
}

// Details a caller may see. The library adds others for operators (a library's message, the time the login
// started, the network error of a failed discovery) that say nothing a resident can act on.
const PUBLIC_DETAILS = ['reason', 'opError', 'acr', 'minimumAcr', 'field'];

/** The refusal as the browser gets it: same code and message, only the details in PUBLIC_DETAILS. */
export function publicOidcRefusal(error: AppError): AppError {
  const details = Object.fromEntries(Object.entries(error.details).filter(([key]) => PUBLIC_DETAILS.includes(key)));
  return new AppError(error.code, error.message, details);
}
