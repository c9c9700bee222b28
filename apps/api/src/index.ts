export { type AppDeps, buildApp } from './app';
export { parseZoneEntry, type ZoneEntry } from './http/network-zones';
export { OPENAPI_PATH } from './plugins/openapi';
