export { bindOidcAccount } from './oidc-binding.service';
export { beginOidcLogin, finishOidcLogin } from './oidc-login.service';
export type {
  BindOidcAccountInput,
  FinishOidcLoginInput,
  OidcAudience,
  OidcProvider,
  OidcProviderSetting,
  OidcTerminal,
} from './oidc-login.types';
export { OIDC_LOGIN_ACTION, publicOidcRefusal } from './oidc-login-audit';
export { type OidcProviders, oidcProviders } from './oidc-providers';
