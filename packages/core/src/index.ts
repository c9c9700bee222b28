export { type Actor, operatorActor, systemActor } from './actor';
export { AppError, type AppErrorCode, type FieldProblem, isAppError } from './errors';
export * from './tenants';
