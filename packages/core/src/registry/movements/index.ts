export { type BirthInput, type DeathInput, recordBirth, recordDeath } from './birth-and-death';
export { type CancelMovementInput, cancelMovement } from './cancel-movement';
export { type ChangeHouseholdInput, changeHousehold } from './change-household';
export type { MovementResult } from './commit-movement';
export {
  CORRECTABLE_ITEMS,
  type CorrectableItem,
  type CorrectionKind,
  type CorrectResidentInput,
  correctResident,
} from './correct-resident';
export { type MoveInInput, type MoveInResult, recordMoveIn } from './move-in';
export { type MoveOutCertificateData, type MoveOutInput, type MoveOutResult, recordMoveOut } from './move-out';
export type { AddressInput, NewPersonInput, Relationships } from './movement.types';
export { type RelocationInput, type RelocationResult, recordRelocation } from './relocation';
