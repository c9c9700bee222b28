export {
  type AccessDecision,
  type Grant,
  SENSITIVITIES,
  type Sensitivity,
  type StaffActionRequest,
  type StaffPrincipal,
} from './access.types';
export { authorizeStaff } from './authorize';
export { ROLE_NAMES, ROLES } from './roles';
export { findStaffPrincipal } from './staff-principal.repository';
