export * from './card';
export * from './card-login';
export * from './oidc';
export * from './session';
export * from './staff';
