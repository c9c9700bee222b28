export { type AppDeps, buildApp } from './app';
export { createMailer, type MailerConfig } from './http/mailer';
export { parseZoneEntry, type ZoneEntry } from './http/network-zones';
export { OPENAPI_PATH } from './plugins/openapi';
