import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * One Ajv instance for procedure definitions and their answer schemas (JSON Schema 2020-12), in
 * strict mode so a typo in a schema keyword is an error rather than a check that silently passes.
 */
export function createJsonSchemaValidator(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  // ESM interop: the default export of ajv-formats is the plugin function.
  const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
  formats(ajv, ['date', 'email', 'uri']);
  ajv.addFormat('month', /^\d{4}-(0[1-9]|1[0-2])$/);
  ajv.addFormat('tel', /^\+?[0-9][0-9-]{5,19}$/);
  ajv.addFormat('postal-code', /^[0-9]{3}-?[0-9]{4}$/);
  return ajv;
}

export type { ErrorObject, ValidateFunction };

/** `/children/0/birthDate` → `children.0.birthDate`: the dot path the forms and problems use. */
export function dotPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}
