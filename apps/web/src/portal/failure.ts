import type { DetailedFailure } from '../api-client';

/** Why a page could not show what it loads, each with its own way on. */
export type LoadFailure =
  | { readonly kind: 'signed-out'; readonly expired: boolean }
  /** Logged in, but the procedure needs a stronger login (the level it needs). */
  | { readonly kind: 'step-up'; readonly required: number }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'error'; readonly code: string };

export function failureOf(failure: DetailedFailure): LoadFailure {
  switch (failure.code) {
    case 'AUTHENTICATION_REQUIRED':
      return { kind: 'signed-out', expired: false };
    case 'SESSION_EXPIRED':
      return { kind: 'signed-out', expired: true };
    case 'STEP_UP_REQUIRED': {
      const required = Number(failure.details.required);
      return { kind: 'step-up', required: Number.isInteger(required) ? required : 3 };
    }
    default:
      return failure.status === 404 ? { kind: 'not-found' } : { kind: 'error', code: failure.code };
  }
}
