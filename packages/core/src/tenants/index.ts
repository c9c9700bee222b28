export { isValidLgCode, lgCodeCheckDigit, parseLgCode } from './lg-code';
export { addTenant, ensureTenant, getTenant, listTenants } from './tenants.service';
export { type AddTenantInput, DEMO_TENANT, type Tenant } from './tenants.types';
