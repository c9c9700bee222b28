/** A municipality served by this deployment. */
export interface Tenant {
  readonly lgCode: string;
  readonly name: string;
  readonly createdAt: Date;
}

export interface AddTenantInput {
  readonly lgCode: string;
  readonly name: string;
}

/** The demo municipality: a valid check digit, and no real municipality has this code. */
export const DEMO_TENANT: AddTenantInput = { lgCode: '999997', name: 'デモ市' };
