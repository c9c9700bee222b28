/**
 * Schema validation reports every problem at once (a form shows all its errors, not the
 * first), never coerces types, and never silently drops unknown properties.
 */
export const AJV_OPTIONS = { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: false } } as const;
