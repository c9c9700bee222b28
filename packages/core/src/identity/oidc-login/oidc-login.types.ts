import type { NetworkZone } from '../../actor';
import type { OidcClient, OidcConfig } from '../oidc';
import type { AssuranceLevel } from '../session';

/** Who a provider logs in: residents (デジタル認証アプリ) or staff (the municipality's IdP), never both. */
export type OidcAudience = 'resident' | 'staff';

/** One OpenID provider as the operator configures it for one municipality. */
export interface OidcProviderSetting {
  /** Appears in the login URLs (`/api/v1/auth/oidc/<id>/start`): lower-case letters, digits and dashes. */
  readonly id: string;
  readonly audience: OidcAudience;
  readonly lgCode: string;
  /** Its redirectUri must end in `/api/v1/auth/oidc/<id>/callback`. */
  readonly config: OidcConfig;
  /** The assurance level each acr value stands for; an acr not listed (or none) counts as level 1. */
  readonly acrLevels: Readonly<Record<string, AssuranceLevel>>;
  /** The weakest acr accepted; omit to accept any. */
  readonly minimumAcr?: string;
  /** acr values from weakest to strongest, for comparing against `minimumAcr`. */
  readonly acrOrder?: readonly string[];
}

/** A setting with its discovered client, ready for logins. */
export interface OidcProvider {
  readonly setting: OidcProviderSetting;
  readonly client: OidcClient;
}

/** The network zone of the terminal the callback came from; staff sessions need one. */
export interface OidcTerminal {
  readonly zone: NetworkZone;
  readonly idleTimeoutSeconds?: number;
}

export interface FinishOidcLoginInput {
  /** The URL the provider redirected the browser to (only its query is used). */
  readonly callbackUrl: URL;
  /** null when the request came from an address in no configured zone. */
  readonly terminal: OidcTerminal | null;
}

export interface BindOidcAccountInput {
  readonly lgCode: string;
  readonly issuer: string;
  readonly subject: string;
  readonly subjectKind: OidcAudience;
  /** The person id (resident) or staff id. */
  readonly subjectId: string;
}
