export { recordAsOf } from './as-of';
export { todayInJapan } from './clock';
export { isValidIndividualNumber, isValidRegistryId, registryIdFromSerial } from './ids';
export { MOVEMENT_REASONS, type MovementReason, movementReason } from './movement-reasons';
export * from './movements';
export { nameSearchKey } from './name-key';
export type * from './resident.types';
export { FOREIGN_RESIDENT_CATEGORIES } from './resident.types';
