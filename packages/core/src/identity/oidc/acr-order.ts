import { AppError } from '../../errors';

/**
 * Whether the acr the OP reported is at least `minimum`. acr values are opaque URIs with no built-in order,
 * so the order comes from the caller (weakest first). Without an order only the exact value is accepted:
 * guessing that an unknown value is "stronger" would let a weak login through.
 */
export function acrMeetsMinimum(acr: string | undefined, minimum: string, acrOrder?: readonly string[]): boolean {
  if (acr === undefined) return false;
  if (acr === minimum) return true;
  if (!acrOrder) return false;
  const required = acrOrder.indexOf(minimum);
  if (required < 0) {
    throw new AppError('VALIDATION_FAILED', `minimumAcr ${minimum} is not listed in acrOrder`, {
      field: 'minimumAcr',
    });
  }
  const reported = acrOrder.indexOf(acr);
  return reported >= required;
}
