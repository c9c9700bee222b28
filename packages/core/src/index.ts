export * from './access';
export { type Actor, type ActorKind, type NetworkZone, operatorActor, systemActor } from './actor';
export * from './audit';
export { AppError, type AppErrorCode, type FieldProblem, isAppError } from './errors';
export * from './identity';
export * from './registry';
export * from './tenants';
