export { acrMeetsMinimum } from './acr-order';
export {
  type CompleteOidcLoginInput,
  completeOidcLogin,
  type OidcLoginResult,
  PENDING_OIDC_LOGIN_TTL_MS,
} from './complete-oidc-login';
export { discoverOidc, type OidcClient, type OidcConfig } from './oidc-config';
export type { OidcFailureReason } from './oidc-errors';
export { publicJwkOf, type RpSigningAlg } from './rp-signing-key';
export {
  type PendingOidcLogin,
  type StartedOidcLogin,
  type StartOidcLoginOptions,
  startOidcLogin,
} from './start-oidc-login';
