export { type AppDeps, buildApp } from './app';
export { OPENAPI_PATH } from './plugins/openapi';
