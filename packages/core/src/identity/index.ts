export * from './card';
export * from './card-login';
export * from './email-code';
export * from './oidc';
export * from './oidc-login';
export * from './passkey';
export * from './session';
export * from './staff';
