export {
  type AccessDecision,
  type Grant,
  PERMISSIONS,
  type Permission,
  SENSITIVITIES,
  type Sensitivity,
  type StaffActionRequest,
  type StaffPrincipal,
} from './access.types';
export { authorizeStaff } from './authorize';
export { DATA_CATEGORIES, type DataCategory, type DataCategoryId } from './data-categories';
export { PURPOSE_PROFILES, type PurposeProfile, projectForPurpose, purposeProfile } from './purpose-profiles';
export { ROLE_NAMES, ROLES } from './roles';
export { findStaffPrincipal } from './staff-principal.repository';
